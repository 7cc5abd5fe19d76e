package dev.mercado.simulators.mail;

import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What the inbox keeps of one accepted message: a few headers and the text, never the MIME tree, so
 * that a thousand messages fit a small heap. Immutable.
 *
 * @param messageId the {@code Message-ID} header as sent, angle brackets included; null if absent
 * @param from the address of the {@code From} header, or the envelope sender if there is none
 * @param to every envelope recipient ({@code RCPT TO}, so Cc and Bcc too), in the order of the
 *     {@code To} and {@code Cc} headers, then the rest alphabetically
 * @param subject the decoded {@code Subject}; null if absent
 * @param headers every {@code X-*} header by its name as sent, decoded, the first value if repeated
 * @param body the first {@code text/plain} part, else the first {@code text/*} part, else empty; at
 *     most {@link #MAX_BODY_CHARS} characters
 * @param bodyTruncated whether the body was longer and got cut at {@link #MAX_BODY_CHARS}
 */
record ReceivedMessage(
    String messageId,
    String from,
    List<String> to,
    String subject,
    Instant receivedAt,
    Map<String, String> headers,
    String body,
    boolean bodyTruncated) {

  static final int MAX_BODY_CHARS = 4 * 1024;

  ReceivedMessage {
    to = List.copyOf(to);
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /**
   * Reads what the inbox keeps from an accepted message.
   *
   * @param recipients the envelope recipients, in any order
   * @param envelopeSender the {@code MAIL FROM} address, or null for the null sender {@code <>}
   * @throws MessagingException if the headers cannot be parsed
   */
  static ReceivedMessage of(
      MimeMessage message, Collection<String> recipients, String envelopeSender, Instant receivedAt)
      throws MessagingException {
    String text = text(message).orElse("");
    boolean truncated = text.length() > MAX_BODY_CHARS;
    return new ReceivedMessage(
        message.getMessageID(),
        from(message).orElse(envelopeSender),
        inHeaderOrder(message, recipients),
        message.getSubject(),
        receivedAt,
        extensionHeaders(message),
        truncated ? text.substring(0, MAX_BODY_CHARS) : text,
        truncated);
  }

  /** The value of a header of {@link #headers()}, the name matched ignoring case. */
  Optional<String> header(String name) {
    return headers.entrySet().stream()
        .filter(header -> header.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("messageId", messageId);
    json.put("from", from);
    json.put("to", to);
    json.put("subject", subject);
    json.put("receivedAt", receivedAt.toString());
    json.put("headers", headers);
    json.put("body", body);
    json.put("bodyTruncated", bodyTruncated);
    return json;
  }

  private static Optional<String> from(MimeMessage message) throws MessagingException {
    Address[] from = message.getFrom();
    if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
      return Optional.empty();
    }
    return Optional.ofNullable(address.getAddress());
  }

  private static List<String> inHeaderOrder(MimeMessage message, Collection<String> recipients)
      throws MessagingException {
    List<String> ordered = new ArrayList<>();
    Map<String, String> remaining = new LinkedHashMap<>();
    for (String recipient : recipients) {
      remaining.put(recipient.toLowerCase(Locale.ROOT), recipient);
    }
    Address[] listed = message.getAllRecipients();
    for (Address address : listed == null ? new Address[0] : listed) {
      if (address instanceof InternetAddress internet && internet.getAddress() != null) {
        String recipient = remaining.remove(internet.getAddress().toLowerCase(Locale.ROOT));
        if (recipient != null) {
          ordered.add(recipient);
        }
      }
    }
    ordered.addAll(new TreeSet<>(remaining.values()));
    return ordered;
  }

  private static Map<String, String> extensionHeaders(MimeMessage message)
      throws MessagingException {
    Map<String, String> headers = new LinkedHashMap<>();
    Enumeration<Header> all = message.getAllHeaders();
    while (all.hasMoreElements()) {
      Header header = all.nextElement();
      String name = header.getName();
      if (name.regionMatches(true, 0, "X-", 0, 2)
          && headers.keySet().stream().noneMatch(name::equalsIgnoreCase)) {
        headers.put(name, decode(header.getValue()));
      }
    }
    return headers;
  }

  private static String decode(String value) {
    String unfolded = MimeUtility.unfold(value == null ? "" : value).strip();
    try {
      return MimeUtility.decodeText(unfolded);
    } catch (UnsupportedEncodingException e) {
      // an encoded word in an unknown charset: the raw text says more than nothing
      return unfolded;
    }
  }

  private static Optional<String> text(Part part) throws MessagingException {
    Optional<String> plain = firstText(part, "text/plain");
    return plain.isPresent() ? plain : firstText(part, "text/*");
  }

  private static Optional<String> firstText(Part part, String mimeType) throws MessagingException {
    try {
      if (part.isMimeType(mimeType) && part.getContent() instanceof String text) {
        return Optional.of(text);
      }
      if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
        for (int i = 0; i < multipart.getCount(); i++) {
          Optional<String> text = firstText(multipart.getBodyPart(i), mimeType);
          if (text.isPresent()) {
            return text;
          }
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      // an unknown charset or a broken transfer encoding: keep the message, without this text
      return Optional.empty();
    }
  }
}
