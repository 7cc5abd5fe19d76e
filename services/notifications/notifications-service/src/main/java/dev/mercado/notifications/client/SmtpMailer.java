package dev.mercado.notifications.client;

import dev.mercado.notifications.domain.Mailer;
import dev.mercado.notifications.domain.Notification;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends through the SMTP server of {@code spring.mail.*}, with the notification's id as Message-ID,
 * so that an e-mail sent twice (see {@code EmailDelivery}) is recognisably the same e-mail.
 *
 * <p>Keeps its SMTP connections open between e-mails (at most one per sending thread): opening one
 * per e-mail, as {@link JavaMailSenderImpl#send} does, was 16 % of the service's CPU under load
 * (docs/performance.md), and the fault proxy's and the mail server's share too. A connection idle
 * for longer than {@link #MAX_IDLE} is closed rather than reused (servers drop idle sessions); one
 * that fails when reused (the server went down or cut it meanwhile) is replaced by a new one for
 * the same e-mail once, so only a server that fails a fresh connection fails the attempt. Checked
 * before writing this: Spring's sender has no reuse, and the pools on Maven Central (Simple Java
 * Mail's batch module, nlab's smtp-connection-pool) bring their own mail API or commons-pool for
 * what is a deque here. {@code mercado.notifications.smtp.connections} counts the connections
 * opened.
 */
@Component
class SmtpMailer implements Mailer {

  private static final Duration MAX_IDLE = Duration.ofSeconds(10);

  private final JavaMailSenderImpl sender;
  private final Clock clock;
  private final Counter opened;
  private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();

  SmtpMailer(JavaMailSenderImpl sender, Clock clock, MeterRegistry registry) {
    this.sender = sender;
    this.clock = clock;
    this.opened = registry.counter("mercado.notifications.smtp.connections");
  }

  @Override
  public void send(Notification notification, String from) {
    MimeMessage message;
    try {
      message = new FixedIdMessage(sender.getSession(), notification);
      message.setFrom(new InternetAddress(from));
      message.setRecipients(jakarta.mail.Message.RecipientType.TO, notification.recipient());
      message.setSubject(notification.subject(), StandardCharsets.UTF_8.name());
      message.setText(notification.body(), StandardCharsets.UTF_8.name());
      message.setHeader("X-Mercado-Task-Id", notification.id().toString());
      message.setHeader("X-Mercado-Order-Id", notification.orderId().toString());
      message.setSentDate(Date.from(clock.instant()));
      message.saveChanges();
    } catch (MessagingException e) {
      throw new MailFailure("smtp: " + rootMessage(e), e);
    }
    Connection reused = reusable();
    if (reused != null) {
      try {
        reused.transport().sendMessage(message, message.getAllRecipients());
        idle.push(new Connection(reused.transport(), clock.instant()));
        return;
      } catch (MessagingException e) {
        close(reused.transport()); // gone while idle, or the server broke it: try a new one
      }
    }
    Transport fresh = null;
    try {
      fresh = sender.getSession().getTransport(sender.getProtocol());
      opened.increment();
      fresh.connect(sender.getHost(), sender.getPort(), sender.getUsername(), sender.getPassword());
      fresh.sendMessage(message, message.getAllRecipients());
      idle.push(new Connection(fresh, clock.instant()));
    } catch (MessagingException e) {
      close(fresh);
      throw new MailFailure("smtp: " + rootMessage(e), e);
    }
  }

  /** The most recently used open connection, if one was used within {@link #MAX_IDLE}. */
  private Connection reusable() {
    Instant oldest = clock.instant().minus(MAX_IDLE);
    // the least recently used first: close those idle for too long
    for (Connection last = idle.pollLast(); last != null; last = idle.pollLast()) {
      if (last.lastUsed().isAfter(oldest)) {
        idle.offerLast(last);
        break;
      }
      close(last.transport());
    }
    for (Connection next = idle.poll(); next != null; next = idle.poll()) {
      if (next.lastUsed().isAfter(oldest)) {
        return next;
      }
      close(next.transport());
    }
    return null;
  }

  @PreDestroy
  void closeAll() {
    for (Connection next = idle.poll(); next != null; next = idle.poll()) {
      close(next.transport());
    }
  }

  private static void close(Transport transport) {
    if (transport == null) {
      return;
    }
    try {
      transport.close();
    } catch (MessagingException e) {
      // the connection is unusable either way
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  private record Connection(Transport transport, Instant lastUsed) {}

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
