package dev.mercado.catalog.api;

import java.util.List;
import java.util.UUID;

/**
 * The order could not be reserved; nothing is held for it.
 *
 * @param reason {@code out_of_stock}, {@code unknown_product} or {@code already_released}
 * @param products the products that caused it
 */
public record StockRejected(UUID orderId, String reason, List<UUID> products) {}
