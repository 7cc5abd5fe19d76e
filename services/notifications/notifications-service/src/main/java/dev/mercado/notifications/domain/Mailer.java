package dev.mercado.notifications.domain;

/** The way out to the customers' mailboxes (an SMTP server). */
public interface Mailer {

  /**
   * Hands the e-mail of {@code notification} to the mail server, with its id as Message-ID.
   *
   * @throws MailFailure if the server did not accept it (down, refused, timed out)
   */
  void send(Notification notification, String from);

  /** The mail server did not accept an e-mail. */
  final class MailFailure extends RuntimeException {
    public MailFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
