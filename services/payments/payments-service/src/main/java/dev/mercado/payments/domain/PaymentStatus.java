package dev.mercado.payments.domain;

/** Where a payment stands with the provider. */
public enum PaymentStatus {
  /** The provider authorized the amount; nothing captured yet. */
  AUTHORIZED,
  /** The provider declined, or could not be reached within the retry budget. */
  DECLINED,
  /** The order was confirmed and the authorization captured. */
  CAPTURED,
  /** The authorization was voided or the capture refunded (or a refund came first). */
  REFUNDED
}
