package dev.mercado.payments.domain;

import java.util.Objects;
import java.util.UUID;

/** Identity of the order a payment is for; also the key of every message about it. */
public record OrderId(UUID value) {

  public OrderId {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
