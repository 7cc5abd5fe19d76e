package dev.mercado.orders.api;

import java.util.UUID;

/** Final: the stock could not be reserved ({@code reason} as catalog gave it). */
public record OrderRejected(UUID orderId, String customerId, String reason) {}
