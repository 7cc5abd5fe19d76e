package dev.mercado.catalog.domain;

import java.util.Objects;

/** Something the shop sells, with its current price. */
public record Product(ProductId id, String sku, String name, String description, Money price) {

  public Product {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(price, "price");
    if (sku == null || sku.isBlank()) {
      throw new IllegalArgumentException("a product needs a SKU");
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a product needs a name");
    }
    description = description == null ? "" : description;
  }
}
