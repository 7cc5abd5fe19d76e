package dev.mercado.catalog.domain;

import java.util.Objects;

/** A positive quantity of one product asked for by an order. */
public record ReservationLine(ProductId productId, int quantity) {

  public ReservationLine {
    Objects.requireNonNull(productId, "productId");
    if (quantity <= 0) {
      throw new IllegalArgumentException("a line's quantity must be positive: " + quantity);
    }
  }
}
