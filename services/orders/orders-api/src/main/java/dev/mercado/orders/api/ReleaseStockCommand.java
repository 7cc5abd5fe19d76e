package dev.mercado.orders.api;

import java.util.UUID;

/** Release whatever is held for the order; idempotent, and valid before any reservation. */
public record ReleaseStockCommand(UUID orderId) {}
