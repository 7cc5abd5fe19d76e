package dev.mercado.simulators.mail;

import static dev.mercado.simulators.mail.Fixtures.aMimeMessage;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceivedMessageTest {

  private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");

  @Test
  void keepsTheHeadersRecipientsAndTextOfAMessage() throws MessagingException {
    // given
    MimeMessage mime = aMimeMessage("alice@example.com", "Bestellung bestätigt", "Danke!");
    mime.addRecipients(RecipientType.CC, "Bob@Example.com");
    mime.setHeader("X-Mercado-Task-Id", "task-7");
    mime.setHeader("X-Mercado-Order-Id", "order-42");
    mime.setHeader("Reply-To", "help@mercado.test");
    mime.saveChanges();

    // when: carol is a Bcc, known from the envelope only
    ReceivedMessage message =
        ReceivedMessage.of(
            mime,
            List.of("carol@example.com", "bob@example.com", "alice@example.com"),
            "bounces@mercado.test",
            NOW);

    // then
    assertThat(message.messageId()).isEqualTo(mime.getMessageID()).startsWith("<");
    assertThat(message.from()).isEqualTo("shop@mercado.test");
    assertThat(message.to())
        .containsExactly("alice@example.com", "bob@example.com", "carol@example.com");
    assertThat(message.subject()).isEqualTo("Bestellung bestätigt");
    assertThat(message.receivedAt()).isEqualTo(NOW);
    assertThat(message.headers())
        .containsExactly(
            entry("X-Mercado-Task-Id", "task-7"), entry("X-Mercado-Order-Id", "order-42"));
    assertThat(message.body()).isEqualTo("Danke!");
    assertThat(message.bodyTruncated()).isFalse();
  }

  @Test
  void decodesExtensionHeadersAndKeepsTheFirstOfARepeatedOne()
      throws MessagingException, UnsupportedEncodingException {
    // given
    MimeMessage mime = aMimeMessage("alice@example.com", "Hi", "text");
    mime.setHeader("X-Mercado-Note", MimeUtility.encodeText("Grüße", "UTF-8", "Q"));
    mime.addHeader("X-Mercado-Order-Id", "first");
    mime.addHeader("x-mercado-order-id", "second");

    // when
    ReceivedMessage message = received(mime);

    // then
    assertThat(message.headers())
        .containsExactly(entry("X-Mercado-Note", "Grüße"), entry("X-Mercado-Order-Id", "first"));
    assertThat(message.header("X-MERCADO-ORDER-ID")).hasValue("first");
  }

  @Test
  void takesThePlainTextOfAMultipartMessage() throws MessagingException {
    // given
    MimeMessage mime = aMimeMessage("alice@example.com", "Hi", "ignored");
    mime.setContent(alternative("<p>Hello</p>", "Hello"));
    mime.saveChanges();

    // when / then
    assertThat(received(mime).body()).isEqualTo("Hello");
  }

  @Test
  void takesTheHtmlWhenThereIsNoPlainText() throws MessagingException {
    // given
    MimeMessage mime = aMimeMessage("alice@example.com", "Hi", "ignored");
    mime.setContent(alternative("<p>Hello</p>", null));
    mime.saveChanges();

    // when / then
    assertThat(received(mime).body()).isEqualTo("<p>Hello</p>");
  }

  @Test
  void truncatesALongBody() throws MessagingException {
    // given
    String text = "x".repeat(ReceivedMessage.MAX_BODY_CHARS + 1);

    // when
    ReceivedMessage message = received(aMimeMessage("alice@example.com", "Long", text));

    // then
    assertThat(message.body()).hasSize(ReceivedMessage.MAX_BODY_CHARS);
    assertThat(message.bodyTruncated()).isTrue();
  }

  @Test
  void takesTheEnvelopeSenderWhenThereIsNoFromHeader() throws MessagingException {
    // given
    MimeMessage mime = aMimeMessage("alice@example.com", "Hi", "text");
    mime.removeHeader("From");

    // when
    ReceivedMessage message =
        ReceivedMessage.of(mime, List.of("alice@example.com"), "bounces@mercado.test", NOW);

    // then
    assertThat(message.from()).isEqualTo("bounces@mercado.test");
    assertThat(message.messageId()).isNull();
  }

  @Test
  void writesEveryFieldAsJson() throws MessagingException {
    assertThat(received(aMimeMessage("alice@example.com", "Hi", "text")).toJson())
        .containsOnlyKeys(
            "messageId", "from", "to", "subject", "receivedAt", "headers", "body", "bodyTruncated")
        .containsEntry("receivedAt", NOW.toString())
        .containsEntry("to", List.of("alice@example.com"));
  }

  private static ReceivedMessage received(MimeMessage mime) throws MessagingException {
    return ReceivedMessage.of(mime, List.of("alice@example.com"), "shop@mercado.test", NOW);
  }

  private static MimeMultipart alternative(String html, String plain) throws MessagingException {
    MimeMultipart multipart = new MimeMultipart("alternative");
    MimeBodyPart htmlPart = new MimeBodyPart();
    htmlPart.setText(html, "UTF-8", "html");
    multipart.addBodyPart(htmlPart);
    if (plain != null) {
      MimeBodyPart plainPart = new MimeBodyPart();
      plainPart.setText(plain, "UTF-8");
      multipart.addBodyPart(plainPart);
    }
    return multipart;
  }
}
