package dev.mercado.catalog.api;

import java.util.UUID;

/**
 * Nothing is held for the order any more (also the answer when nothing was ever reserved: a late
 * reservation request for it is then rejected).
 */
public record StockReleased(UUID orderId) {}
