package dev.mercado.orders.domain;

/** What the saga asks for after a transition: a command to a participant or a final event. */
public enum SagaAction {
  RESERVE_STOCK,
  AUTHORIZE_PAYMENT,
  RELEASE_STOCK,
  REFUND_PAYMENT,
  PUBLISH_CONFIRMED,
  PUBLISH_CANCELLED,
  PUBLISH_REJECTED
}
