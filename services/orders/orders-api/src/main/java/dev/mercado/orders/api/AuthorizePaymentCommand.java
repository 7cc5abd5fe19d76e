package dev.mercado.orders.api;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Authorize the order's total on the customer's card. Idempotent per {@code orderId}: the provider
 * is called with an idempotency key derived from it, so a redelivered command never charges twice.
 *
 * @param cardToken the payment provider's token for the card (never a card number)
 */
public record AuthorizePaymentCommand(
    UUID orderId, BigDecimal amount, String currency, String cardToken) {}
