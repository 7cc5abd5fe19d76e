package dev.mercado.orders.domain;

/**
 * The states of an order's saga (docs/patterns/saga.md). Waiting states have a deadline; final
 * states never change again.
 */
public enum OrderStatus {
  /** Accepted; waiting for catalog to reserve the stock. */
  PENDING,
  /** Stock held; waiting for payments to authorize the total. */
  STOCK_RESERVED,
  /** Payment authorized (passed through on the way to CONFIRMED). */
  PAID,
  /** Final: stock reserved, payment authorized. */
  CONFIRMED,
  /** Compensating: waiting for catalog to release the stock. */
  CANCELLING,
  /** Final: payment declined or failed, or a step missed its deadline; stock released. */
  CANCELLED,
  /** Final: the stock could not be reserved. */
  REJECTED;

  public boolean isFinal() {
    return this == CONFIRMED || this == CANCELLED || this == REJECTED;
  }

  /** Whether a deadline applies: the saga waits for an answer in this state. */
  public boolean isWaiting() {
    return this == PENDING || this == STOCK_RESERVED || this == CANCELLING;
  }
}
