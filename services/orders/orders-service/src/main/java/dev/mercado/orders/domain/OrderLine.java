package dev.mercado.orders.domain;

import java.util.UUID;

/** A product, its name and unit price as orders knew them when the order was placed. */
public record OrderLine(UUID productId, String name, int quantity, Money unitPrice) {

  public OrderLine {
    if (quantity <= 0) {
      throw new IllegalArgumentException("quantity must be positive");
    }
  }

  public Money total() {
    return unitPrice.times(quantity);
  }
}
