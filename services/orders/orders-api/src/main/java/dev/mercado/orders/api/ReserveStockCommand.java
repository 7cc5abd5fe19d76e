package dev.mercado.orders.api;

import java.util.List;
import java.util.UUID;

/**
 * Reserve every line or none. Idempotent per {@code orderId}: catalog answers a repeated command
 * with the outcome of the first.
 */
public record ReserveStockCommand(UUID orderId, List<Line> lines) {

  /** A quantity of one product. */
  public record Line(UUID productId, int quantity) {}
}
