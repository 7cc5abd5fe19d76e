package dev.mercado.orders.api;

import java.util.UUID;

/** Give back whatever was authorized or captured for the order; idempotent. */
public record RefundPaymentCommand(UUID orderId) {}
