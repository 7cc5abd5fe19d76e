package dev.mercado.simulators.payment;

import static dev.mercado.simulators.payment.PaymentProvider.PROBLEMS;

import dev.mercado.simulators.kit.ProblemException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** A validated request to authorize an amount on a card. */
record AuthorizationRequest(Card card, BigDecimal amount, Currency currency, String reference) {

  static final int MAX_REFERENCE_LENGTH = 255;

  // at most 999 999 999.99, no leading zeros, at most two decimals; a string, never a JSON number
  private static final Pattern AMOUNT = Pattern.compile("(0|[1-9][0-9]{0,8})(\\.[0-9]{1,2})?");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  /**
   * Reads and validates the body of {@code POST /v1/authorizations}.
   *
   * @throws ProblemException 400 naming every invalid field, or 422 for a well-formed card token
   *     that the simulator does not know
   */
  static AuthorizationRequest from(JsonNode body) {
    Map<String, String> invalid = new LinkedHashMap<>();
    String token = string(body, "cardToken", invalid);
    BigDecimal amount = amount(body, invalid);
    Currency currency = currency(body, invalid);
    String reference = reference(body, invalid);
    if (!invalid.isEmpty()) {
      throw invalidRequest(invalid);
    }
    Card card =
        Card.byToken(token)
            .orElseThrow(
                () ->
                    PROBLEMS
                        .of(
                            422,
                            "unknown-card-token",
                            "Unknown card token",
                            "unknown card token '"
                                + token
                                + "'; use tok_visa, tok_mastercard, tok_insufficient_funds,"
                                + " tok_declined or tok_expired")
                        .with("field", "cardToken")
                        .toException());
    return new AuthorizationRequest(card, amount, currency, reference);
  }

  private static String string(JsonNode body, String field, Map<String, String> invalid) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      invalid.put(field, field + " is required");
      return null;
    }
    if (!node.isString()) {
      invalid.put(field, field + " must be a string");
      return null;
    }
    if (node.stringValue().isBlank()) {
      invalid.put(field, field + " must not be blank");
      return null;
    }
    return node.stringValue();
  }

  private static BigDecimal amount(JsonNode body, Map<String, String> invalid) {
    JsonNode node = body.get("amount");
    if (node != null && node.isNumber()) {
      invalid.put("amount", "amount must be a string such as \"12.50\", not a JSON number");
      return null;
    }
    String text = string(body, "amount", invalid);
    if (text == null) {
      return null;
    }
    if (!AMOUNT.matcher(text).matches()) {
      invalid.put(
          "amount",
          "amount must be a decimal with at most 2 decimals and at most 999999999.99, not '"
              + text
              + "'");
      return null;
    }
    BigDecimal amount = new BigDecimal(text);
    if (amount.signum() <= 0) {
      invalid.put("amount", "amount must be positive, not '" + text + "'");
      return null;
    }
    return amount;
  }

  private static Currency currency(JsonNode body, Map<String, String> invalid) {
    String code = string(body, "currency", invalid);
    if (code == null) {
      return null;
    }
    if (CURRENCY.matcher(code).matches()) {
      try {
        return Currency.getInstance(code);
      } catch (IllegalArgumentException e) {
        // falls through to the same message as a malformed code
      }
    }
    invalid.put("currency", "currency must be an ISO 4217 code such as EUR, not '" + code + "'");
    return null;
  }

  private static String reference(JsonNode body, Map<String, String> invalid) {
    String reference = string(body, "reference", invalid);
    if (reference != null && reference.length() > MAX_REFERENCE_LENGTH) {
      invalid.put("reference", "reference must be at most " + MAX_REFERENCE_LENGTH + " characters");
      return null;
    }
    return reference;
  }

  private static ProblemException invalidRequest(Map<String, String> invalid) {
    List<Map<String, String>> params = new ArrayList<>();
    invalid.forEach((name, reason) -> params.add(Map.of("name", name, "reason", reason)));
    return PROBLEMS
        .of(400, "invalid-request", "Invalid request", String.join("; ", invalid.values()))
        .with("invalidParams", params)
        .toException();
  }
}
