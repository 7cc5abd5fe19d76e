package dev.mercado.simulators.mail;

import static dev.mercado.simulators.mail.MailServer.PROBLEMS;

import dev.mercado.simulators.kit.ProblemException;
import java.util.Optional;

/**
 * Which messages {@code GET /messages} lists: all of them, or those sent to one recipient and/or
 * carrying one {@code X-*} header value. Immutable.
 *
 * @param to a recipient address, matched ignoring case against every envelope recipient; null for
 *     any
 * @param headerName an {@code X-*} header name, matched ignoring case; null for any
 * @param headerValue the value that header must have, matched exactly; null when headerName is
 */
record MessageFilter(String to, String headerName, String headerValue) {

  static final MessageFilter ALL = new MessageFilter(null, null, null);

  /**
   * The filter of the query parameters {@code to=ADDRESS} and {@code header=NAME:VALUE}.
   *
   * @throws ProblemException 400 naming the parameter if {@code to} is blank or {@code header} is
   *     not an {@code X-*} name, a colon and a value
   */
  static MessageFilter of(Optional<String> to, Optional<String> header) {
    String address = to.map(String::strip).orElse(null);
    if (address != null && address.isEmpty()) {
      throw invalid("to", "to must be a recipient address such as customer@example.com");
    }
    if (header.isEmpty()) {
      return new MessageFilter(address, null, null);
    }
    String nameAndValue = header.get();
    int colon = nameAndValue.indexOf(':');
    String name = colon < 0 ? "" : nameAndValue.substring(0, colon).strip();
    // only X-* headers are kept: any other name would silently match nothing
    if (name.length() < 3 || !name.regionMatches(true, 0, "X-", 0, 2) || name.contains(" ")) {
      throw invalid(
          "header",
          "header must be NAME:VALUE with an X-* header name, such as"
              + " X-Mercado-Order-Id:42, not '"
              + nameAndValue
              + "'");
    }
    return new MessageFilter(address, name, nameAndValue.substring(colon + 1).strip());
  }

  boolean matches(ReceivedMessage message) {
    if (to != null && message.to().stream().noneMatch(to::equalsIgnoreCase)) {
      return false;
    }
    return headerName == null || message.header(headerName).filter(headerValue::equals).isPresent();
  }

  private static ProblemException invalid(String parameter, String detail) {
    return PROBLEMS
        .of(400, "invalid-filter", "Invalid filter", detail)
        .with("field", parameter)
        .toException();
  }
}
