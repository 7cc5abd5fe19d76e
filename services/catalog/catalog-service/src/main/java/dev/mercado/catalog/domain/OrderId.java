package dev.mercado.catalog.domain;

import java.util.Objects;
import java.util.UUID;

/** Identity of an order, as orders gave it; catalog keeps one reservation per order. */
public record OrderId(UUID value) {

  public OrderId {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
