package dev.mercado.orders.domain;

import java.util.Objects;
import java.util.UUID;

/** Identity of an order; also the key of every message about it. */
public record OrderId(UUID value) {

  public OrderId {
    Objects.requireNonNull(value, "value");
  }

  public static OrderId random() {
    return new OrderId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
