package dev.mercado.orders.api;

import java.math.BigDecimal;
import java.util.UUID;

/** A line of an order, priced from orders' copy of the catalogue when the order was placed. */
public record OrderLine(UUID productId, String name, int quantity, BigDecimal unitPrice) {}
