package dev.mercado.payments.api;

import java.util.UUID;

/**
 * No money was taken for the order.
 *
 * @param reason the provider's decline code ({@code insufficient_funds}, {@code card_declined},
 *     {@code expired_card}, {@code unknown_card}) or {@code provider_unavailable} when the provider
 *     could not be reached within payments' retry budget
 */
public record PaymentDeclined(UUID orderId, UUID paymentId, String reason) {}
