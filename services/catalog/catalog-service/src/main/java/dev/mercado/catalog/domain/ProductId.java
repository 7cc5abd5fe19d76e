package dev.mercado.catalog.domain;

import java.util.Objects;
import java.util.UUID;

/** Identity of a product. */
public record ProductId(UUID value) {

  public ProductId {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
