package dev.mercado.payments.api;

import java.math.BigDecimal;
import java.util.UUID;

/** The provider authorized {@code amount} for the order. */
public record PaymentAuthorized(UUID orderId, UUID paymentId, BigDecimal amount, String currency) {}
