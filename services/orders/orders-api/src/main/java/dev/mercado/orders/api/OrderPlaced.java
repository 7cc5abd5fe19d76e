package dev.mercado.orders.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** An order was accepted; its saga starts. */
public record OrderPlaced(
    UUID orderId, String customerId, List<OrderLine> lines, BigDecimal total, String currency) {}
