package dev.mercado.catalog.domain;

import java.util.List;
import java.util.Objects;

/**
 * What a step of a reservation comes to: the reservation as it is now, and the products whose stock
 * it changed (empty when nothing moved). Both are stored in one transaction.
 */
public record StockMovement(Reservation reservation, List<Product> products) {

  public StockMovement {
    Objects.requireNonNull(reservation, "reservation");
    products = List.copyOf(products);
  }

  static StockMovement none(Reservation reservation) {
    return new StockMovement(reservation, List.of());
  }
}
