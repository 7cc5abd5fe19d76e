package dev.mercado.payments.api;

import java.util.UUID;

/** Whatever was authorized or captured for the order was given back. */
public record PaymentRefunded(UUID orderId, UUID paymentId) {}
