package dev.mercado.catalog.messaging;

import dev.mercado.orders.api.OrderConfirmed;
import dev.mercado.orders.api.OrdersTopics;
import dev.mercado.orders.api.ReleaseStockCommand;
import dev.mercado.orders.api.ReserveStockCommand;
import dev.mercado.platform.events.CloudEvent;
import dev.mercado.testkit.EventContracts;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Orders' commands as orders publishes them: the checked-in example of each (orders-api), with a
 * new event id, the given order as subject and the given payload.
 */
final class OrderCommands {

  private OrderCommands() {}

  static CloudEvent reserveStock(UUID orderId, ReserveStockCommand.Line... lines) {
    return like(
        OrdersTopics.RESERVE_STOCK, orderId, new ReserveStockCommand(orderId, List.of(lines)));
  }

  static ReserveStockCommand.Line line(UUID productId, int quantity) {
    return new ReserveStockCommand.Line(productId, quantity);
  }

  static CloudEvent releaseStock(UUID orderId) {
    return like(OrdersTopics.RELEASE_STOCK, orderId, new ReleaseStockCommand(orderId));
  }

  static CloudEvent orderConfirmed(UUID orderId) {
    return like(
        OrdersTopics.ORDER_CONFIRMED,
        orderId,
        new OrderConfirmed(orderId, "c-42", new BigDecimal("25.00"), "EUR"));
  }

  /** The same command again, as the saga re-sends it after a timeout: a new event id. */
  static CloudEvent resent(CloudEvent command) {
    return new CloudEvent(
        UUID.randomUUID().toString(),
        command.source(),
        command.type(),
        command.subject(),
        OffsetDateTime.now(ZoneOffset.UTC),
        command.data());
  }

  private static CloudEvent like(String type, UUID orderId, Object payload) {
    return EventContracts.like(type, orderId.toString(), payload);
  }
}
