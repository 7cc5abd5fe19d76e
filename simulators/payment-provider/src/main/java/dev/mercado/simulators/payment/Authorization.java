package dev.mercado.simulators.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of the ledger: an authorization attempt and what happened to it since. Immutable; a
 * state change yields a new instance.
 *
 * <p>Transitions: {@code AUTHORIZED → CAPTURED → REFUNDED} and {@code AUTHORIZED → REFUNDED} (a
 * void, releasing the hold). {@code DECLINED} is final.
 */
record Authorization(
    String id,
    Status status,
    BigDecimal amount,
    String currency,
    String reference,
    String declineCode,
    Instant createdAt,
    Instant capturedAt,
    Instant refundedAt) {

  enum Status {
    AUTHORIZED,
    CAPTURED,
    REFUNDED,
    DECLINED
  }

  static Authorization authorized(String id, AuthorizationRequest request, Instant now) {
    return new Authorization(
        id,
        Status.AUTHORIZED,
        request.amount(),
        request.currency().getCurrencyCode(),
        request.reference(),
        null,
        now,
        null,
        null);
  }

  static Authorization declined(
      String id, AuthorizationRequest request, String declineCode, Instant now) {
    return new Authorization(
        id,
        Status.DECLINED,
        request.amount(),
        request.currency().getCurrencyCode(),
        request.reference(),
        declineCode,
        now,
        null,
        null);
  }

  Authorization captured(Instant now) {
    return new Authorization(
        id, Status.CAPTURED, amount, currency, reference, declineCode, createdAt, now, refundedAt);
  }

  Authorization refunded(Instant now) {
    return new Authorization(
        id, Status.REFUNDED, amount, currency, reference, declineCode, createdAt, capturedAt, now);
  }

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("status", status.name());
    json.put("amount", amount.toPlainString());
    json.put("currency", currency);
    json.put("reference", reference);
    if (declineCode != null) {
      json.put("declineCode", declineCode);
    }
    json.put("createdAt", createdAt.toString());
    if (capturedAt != null) {
      json.put("capturedAt", capturedAt.toString());
    }
    if (refundedAt != null) {
      json.put("refundedAt", refundedAt.toString());
    }
    return json;
  }
}
