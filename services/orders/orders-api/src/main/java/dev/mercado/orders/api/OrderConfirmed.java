package dev.mercado.orders.api;

import java.math.BigDecimal;
import java.util.UUID;

/** Final: stock reserved and payment authorized. */
public record OrderConfirmed(UUID orderId, String customerId, BigDecimal total, String currency) {}
