package dev.mercado.orders.api;

import static dev.mercado.testkit.EventContracts.assertExampleMatches;

import org.junit.jupiter.api.Test;

/** Each checked-in example is what orders' payload records read and write (P5). */
class EventExamplesTest {

  @Test
  void everyExampleMatchesItsPayloadRecord() {
    assertExampleMatches(OrdersTopics.ORDER_PLACED, OrderPlaced.class);
    assertExampleMatches(OrdersTopics.ORDER_STATUS_CHANGED, OrderStatusChanged.class);
    assertExampleMatches(OrdersTopics.RESERVE_STOCK, ReserveStockCommand.class);
    assertExampleMatches(OrdersTopics.AUTHORIZE_PAYMENT, AuthorizePaymentCommand.class);
    assertExampleMatches(OrdersTopics.RELEASE_STOCK, ReleaseStockCommand.class);
    assertExampleMatches(OrdersTopics.REFUND_PAYMENT, RefundPaymentCommand.class);
    assertExampleMatches(OrdersTopics.ORDER_CONFIRMED, OrderConfirmed.class);
    assertExampleMatches(OrdersTopics.ORDER_CANCELLED, OrderCancelled.class);
    assertExampleMatches(OrdersTopics.ORDER_REJECTED, OrderRejected.class);
  }
}
