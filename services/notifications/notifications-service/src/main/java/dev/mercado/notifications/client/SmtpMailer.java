package dev.mercado.notifications.client;

import dev.mercado.notifications.domain.Mailer;
import dev.mercado.notifications.domain.Notification;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends through the SMTP server of {@code spring.mail.*}, with the notification's id as Message-ID,
 * so that an e-mail sent twice (see {@code EmailDelivery}) is recognisably the same e-mail.
 */
@Component
class SmtpMailer implements Mailer {

  private final JavaMailSenderImpl sender;

  SmtpMailer(JavaMailSenderImpl sender) {
    this.sender = sender;
  }

  @Override
  public void send(Notification notification, String from) {
    try {
      MimeMessage message = new FixedIdMessage(sender.getSession(), notification);
      message.setFrom(new InternetAddress(from));
      message.setRecipients(jakarta.mail.Message.RecipientType.TO, notification.recipient());
      message.setSubject(notification.subject(), StandardCharsets.UTF_8.name());
      message.setText(notification.body(), StandardCharsets.UTF_8.name());
      message.setHeader("X-Mercado-Task-Id", notification.id().toString());
      message.setHeader("X-Mercado-Order-Id", notification.orderId().toString());
      sender.send(message);
    } catch (MessagingException | MailException e) {
      throw new MailFailure("smtp: " + rootMessage(e), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  /** Keeps the Message-ID we set; Jakarta Mail would otherwise make up a new one per send. */
  private static final class FixedIdMessage extends MimeMessage {

    private final String messageId;

    FixedIdMessage(Session session, Notification notification) {
      super(session);
      this.messageId = "<" + notification.id() + "@notifications.mercado>";
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
