package dev.mercado.payments.domain;

import java.util.List;

/**
 * Port to the external payment provider. Every call carries an idempotency key derived from the
 * order, so calling again after a timeout or a crash is safe with the provider that got the first
 * call.
 *
 * <p>There may be more than one provider account (a primary and an alternative used while the
 * primary is unavailable): each authorization names the provider that holds it, and its capture or
 * refund must go to that provider.
 */
public interface PaymentProvider {

  /** What the provider answered to an authorization. */
  sealed interface Outcome {}

  /**
   * @param provider the name of the provider that holds the authorization
   */
  record Authorized(String authorizationId, String provider) implements Outcome {}

  /**
   * @param provider the name of the provider that declined
   */
  record Declined(String code, String provider) implements Outcome {}

  /** No provider could be reached, or each kept failing, within its resilience policy. */
  record Unavailable(String detail) implements Outcome {}

  Outcome authorize(OrderId orderId, Money amount, String cardToken);

  /** The primary account's name: the provider asked first, and recorded when it decided. */
  String primary();

  /**
   * An authorization a provider holds for an order, as its ledger shows it.
   *
   * @param status the provider's state: {@code AUTHORIZED}, {@code DECLINED}, {@code CAPTURED} or
   *     {@code REFUNDED}
   */
  record Held(String provider, String authorizationId, String status) {}

  /**
   * Every authorization each configured provider holds for the order (its ledger by reference).
   *
   * @throws RuntimeException if a provider's ledger could not be read: a partial answer would look
   *     like "nothing held" there
   */
  List<Held> held(OrderId orderId);

  /**
   * Voids an authorization payments never recorded (its answer was lost), at the provider that
   * holds it, under a key of its own so it can never touch the order's recorded payment.
   *
   * @return false if that provider could not be reached or refused
   */
  boolean voidStray(String provider, String authorizationId);

  /**
   * Captures an authorization at the provider that holds it.
   *
   * @param provider the name recorded with the authorization ({@code null} for the primary)
   * @return false if that provider could not be reached or refused the capture
   */
  boolean capture(OrderId orderId, String provider, String authorizationId);

  /**
   * Voids or refunds an authorization at the provider that holds it.
   *
   * @param provider the name recorded with the authorization ({@code null} for the primary)
   * @return false if that provider could not be reached or refused the refund
   */
  boolean refund(OrderId orderId, String provider, String authorizationId);
}
