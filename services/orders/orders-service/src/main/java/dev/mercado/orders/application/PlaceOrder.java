package dev.mercado.orders.application;

import java.util.List;
import java.util.UUID;

/** A customer's request to buy: products and quantities, and the card to charge. */
public record PlaceOrder(String customerId, List<Line> lines, String cardToken) {

  /** One product and how many. */
  public record Line(UUID productId, int quantity) {}

  /** A stable text of the request, for the Idempotency-Key check (same key, same request). */
  String canonical() {
    StringBuilder text = new StringBuilder(customerId).append('|').append(cardToken);
    for (Line line : lines) {
      text.append('|').append(line.productId()).append('x').append(line.quantity());
    }
    return text.toString();
  }
}
