package dev.mercado.orders.api;

import java.util.UUID;

/**
 * Final: the payment was declined or failed, or a step missed its deadline; stock was released.
 *
 * @param reason e.g. {@code payment_declined:insufficient_funds}, {@code deadline:STOCK_RESERVED}
 */
public record OrderCancelled(UUID orderId, String customerId, String reason) {}
