package dev.mercado.catalog.domain;

import java.util.Objects;

/**
 * Something the shop sells: its current price and stock.
 *
 * @param version grows with every change that other services are told about (creation, price); a
 *     stock change does not count, because stock is not part of what catalog publishes
 */
public record Product(
    ProductId id,
    String sku,
    String name,
    String description,
    Money price,
    Stock stock,
    long version) {

  public Product {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(stock, "stock");
    if (sku == null || sku.isBlank()) {
      throw new IllegalArgumentException("a product needs a SKU");
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a product needs a name");
    }
    if (version < 1) {
      throw new IllegalArgumentException("a product's version starts at 1: " + version);
    }
    description = description == null ? "" : description;
  }

  /** A new product, at version 1, with {@code initialStock} units on hand. */
  public static Product create(
      ProductId id, String sku, String name, String description, Money price, int initialStock) {
    return new Product(id, sku, name, description, price, Stock.of(initialStock), 1);
  }

  /** The product at a new price, one version later; the same product if the price is unchanged. */
  public Product withPrice(Money newPrice) {
    if (newPrice.equals(price)) {
      return this;
    }
    return new Product(id, sku, name, description, newPrice, stock, version + 1);
  }

  /** The product with other stock, same version. */
  public Product withStock(Stock newStock) {
    return new Product(id, sku, name, description, price, newStock, version);
  }
}
