package dev.mercado.catalog.domain;

/**
 * Port to the product-view telemetry stream. Best effort by design: a view may be lost, and
 * reporting one never blocks the caller for long nor fails it.
 */
public interface ProductViews {

  void viewed(ProductId id);
}
