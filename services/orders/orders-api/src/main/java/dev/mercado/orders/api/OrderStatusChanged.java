package dev.mercado.orders.api;

import java.time.Instant;
import java.util.UUID;

/**
 * One transition of an order's saga, published in the transaction that persists it.
 *
 * @param from the previous status ({@code null} for the first: placed)
 * @param to the new status, e.g. {@code STOCK_RESERVED}, {@code CANCELLING}, {@code CONFIRMED}
 * @param reason why, e.g. {@code stock reserved}, {@code payment_declined:insufficient_funds}
 */
public record OrderStatusChanged(UUID orderId, String from, String to, String reason, Instant at) {}
