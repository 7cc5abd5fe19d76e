package dev.mercado.catalog.web;

import dev.mercado.catalog.domain.Product;
import java.util.UUID;

/**
 * A product as shoppers see it.
 *
 * @param availableStock units that can still be ordered (on hand minus those held for orders)
 */
record ProductResponse(
    UUID id, String sku, String name, String description, MoneyPayload price, int availableStock) {

  static ProductResponse of(Product product) {
    return new ProductResponse(
        product.id().value(),
        product.sku(),
        product.name(),
        product.description(),
        MoneyPayload.of(product.price()),
        product.stock().available());
  }
}
