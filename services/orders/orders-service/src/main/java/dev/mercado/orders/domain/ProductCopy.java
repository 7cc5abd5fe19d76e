package dev.mercado.orders.domain;

import java.util.UUID;

/**
 * Orders' own copy of a product's name and price, kept in sync by catalog's events (F6, M3):
 * duplicated on purpose, so placing an order never calls catalog.
 */
public record ProductCopy(UUID productId, String sku, String name, Money price, long version) {}
