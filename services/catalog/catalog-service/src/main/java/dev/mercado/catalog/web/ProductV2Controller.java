package dev.mercado.catalog.web;

import dev.mercado.catalog.api.ProductV2;
import dev.mercado.catalog.application.ProductCatalog;
import dev.mercado.catalog.application.ProductNotFoundException;
import dev.mercado.catalog.domain.Money;
import dev.mercado.catalog.domain.Product;
import dev.mercado.catalog.domain.ProductId;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Version 2 of a product's details (F9): price in minor units and availability instead of a stock
 * count ({@link ProductV2}). Version 1 stays beside it, deprecated, until its sunset.
 */
@RestController
@RequestMapping(ProductV2Controller.PATH)
class ProductV2Controller {

  static final String PATH = "/api/v2/catalog/products";

  private final ProductCatalog catalog;

  ProductV2Controller(ProductCatalog catalog) {
    this.catalog = catalog;
  }

  /** The product, and a view reported to the telemetry stream (best effort), as in v1. */
  @GetMapping("/{id}")
  ProductV2 product(@PathVariable UUID id) {
    ProductId productId = new ProductId(id);
    return catalog
        .view(productId)
        .map(ProductV2Controller::v2)
        .orElseThrow(() -> new ProductNotFoundException(productId));
  }

  static ProductV2 v2(Product product) {
    return new ProductV2(
        product.id().value(),
        product.sku(),
        product.name(),
        product.description(),
        price(product.price()),
        availability(product.stock().available()));
  }

  private static ProductV2.Price price(Money money) {
    // Money keeps the currency's scale: 9.90 EUR is 990 cents, 500 JPY is 500 yen
    long minor =
        money.amount().movePointRight(money.currency().getDefaultFractionDigits()).longValueExact();
    return new ProductV2.Price(minor, money.currency().getCurrencyCode());
  }

  static ProductV2.Availability availability(int available) {
    if (available <= 0) {
      return ProductV2.Availability.OUT_OF_STOCK;
    }
    return available <= ProductV2.LOW_STOCK
        ? ProductV2.Availability.LOW
        : ProductV2.Availability.IN_STOCK;
  }
}
