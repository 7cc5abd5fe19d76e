package dev.mercado.simulators.mail;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

final class Fixtures {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final Session SESSION = Session.getInstance(new Properties());

  private Fixtures() {}

  static JsonNode json(String text) {
    return MAPPER.readTree(text);
  }

  static ReceivedMessage aMessage(String to, String orderId) {
    return new ReceivedMessage(
        "<" + orderId + "@mercado.test>",
        "shop@mercado.test",
        List.of(to),
        "Order " + orderId,
        Instant.parse("2026-01-01T12:00:00Z"),
        Map.of("X-Mercado-Order-Id", orderId),
        "Thank you for order " + orderId,
        false);
  }

  /** A plain text e-mail from the shop, not yet saved, so without a Message-ID. */
  static MimeMessage aMimeMessage(String to, String subject, String text)
      throws MessagingException {
    MimeMessage message = new MimeMessage(SESSION);
    message.setFrom("Mercado <shop@mercado.test>");
    message.setRecipients(RecipientType.TO, to);
    message.setSubject(subject, "UTF-8");
    message.setText(text, "UTF-8");
    return message;
  }
}
