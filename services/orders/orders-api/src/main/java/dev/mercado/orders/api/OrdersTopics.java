package dev.mercado.orders.api;

/**
 * Kafka topics orders publishes to; each name is also the CloudEvents {@code type}. Every message
 * is keyed by the order id, so one order's commands and events stay in order. All business topics
 * use {@code acks=all}.
 */
public final class OrdersTopics {

  /** {@link OrderPlaced}: an order was accepted (202) and its saga started. */
  public static final String ORDER_PLACED = "orders.order-placed";

  /** {@link OrderStatusChanged}: every transition of every order's saga, as it is persisted. */
  public static final String ORDER_STATUS_CHANGED = "orders.order-status-changed";

  /** {@link ReserveStockCommand}: saga step 1, to catalog. */
  public static final String RESERVE_STOCK = "orders.reserve-stock";

  /** {@link AuthorizePaymentCommand}: saga step 2, to payments. */
  public static final String AUTHORIZE_PAYMENT = "orders.authorize-payment";

  /** {@link ReleaseStockCommand}: compensation of step 1, to catalog. */
  public static final String RELEASE_STOCK = "orders.release-stock";

  /** {@link RefundPaymentCommand}: compensation of step 2 (a late authorization), to payments. */
  public static final String REFUND_PAYMENT = "orders.refund-payment";

  /** {@link OrderConfirmed}: final; catalog commits the stock, payments captures. */
  public static final String ORDER_CONFIRMED = "orders.order-confirmed";

  /** {@link OrderCancelled}: final; payment failed or a step timed out, stock released. */
  public static final String ORDER_CANCELLED = "orders.order-cancelled";

  /** {@link OrderRejected}: final; stock could not be reserved. */
  public static final String ORDER_REJECTED = "orders.order-rejected";

  private OrdersTopics() {}
}
