package dev.mercado.catalog.application;

import dev.mercado.catalog.domain.ProductId;

/** No product has the id a use case was given. */
public class ProductNotFoundException extends RuntimeException {

  private final transient ProductId id;

  public ProductNotFoundException(ProductId id) {
    super("No product with id " + id);
    this.id = id;
  }

  public ProductId id() {
    return id;
  }
}
