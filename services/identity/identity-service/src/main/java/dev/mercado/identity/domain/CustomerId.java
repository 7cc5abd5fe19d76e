package dev.mercado.identity.domain;

import java.util.Objects;
import java.util.UUID;

/** A customer's id: the {@code sub} and {@code customer_id} of their tokens. */
public record CustomerId(UUID value) {

  public CustomerId {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
