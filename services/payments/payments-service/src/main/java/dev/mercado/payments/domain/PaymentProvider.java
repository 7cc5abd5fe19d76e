package dev.mercado.payments.domain;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Port to the external payment provider. Every call carries an idempotency key derived from the
 * order, so calling again after a timeout or a crash is safe.
 */
public interface PaymentProvider {

  /** What the provider answered to an authorization. */
  sealed interface Outcome {}

  record Authorized(String authorizationId) implements Outcome {}

  record Declined(String code) implements Outcome {}

  /** The provider could not be reached, or kept failing, within the retry budget. */
  record Unavailable(String detail) implements Outcome {}

  Outcome authorize(UUID orderId, BigDecimal amount, String currency, String cardToken);

  /** Captures an authorization; false if the provider could not be reached. */
  boolean capture(UUID orderId, String authorizationId);

  /** Voids or refunds an authorization; false if the provider could not be reached. */
  boolean refund(UUID orderId, String authorizationId);
}
