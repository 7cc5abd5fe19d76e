package dev.mercado.catalog.api;

import java.util.UUID;

/** A quantity of one product in a stock answer. */
public record StockLine(UUID productId, int quantity) {}
