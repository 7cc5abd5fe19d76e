package dev.mercado.catalog.api;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A product was created or changed. {@code version} grows with every change of the product, so a
 * consumer keeping a copy ignores an event older than what it holds (events of one product are
 * ordered on their partition, but a re-driven dead letter may arrive late).
 *
 * @param priceAmount the price, with the currency's minor-unit scale
 * @param priceCurrency ISO 4217 code
 */
public record ProductChanged(
    UUID productId,
    String sku,
    String name,
    BigDecimal priceAmount,
    String priceCurrency,
    long version) {}
