package dev.mercado.payments.api;

/**
 * Kafka topics payments publishes to (acks=all); each name is also the CloudEvents {@code type}.
 * Keyed by order id.
 */
public final class PaymentsTopics {

  /** {@link PaymentAuthorized}: the provider authorized the amount. */
  public static final String PAYMENT_AUTHORIZED = "payments.payment-authorized";

  /** {@link PaymentDeclined}: the provider declined, or could not be reached in time. */
  public static final String PAYMENT_DECLINED = "payments.payment-declined";

  /** {@link PaymentRefunded}: an authorization was voided or a capture refunded. */
  public static final String PAYMENT_REFUNDED = "payments.payment-refunded";

  private PaymentsTopics() {}
}
