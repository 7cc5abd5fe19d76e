package dev.mercado.payments.api;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * An order's payment as {@code GET /api/v1/payments?orderId=} shows it.
 *
 * @param status {@code AUTHORIZED}, {@code DECLINED}, {@code CAPTURED} or {@code REFUNDED}
 * @param amount in the currency's major unit; null for a refund recorded before any authorization
 *     ({@code REFUNDED}, nothing was ever asked for)
 * @param currency ISO 4217 code; null when {@code amount} is
 * @param declineReason the provider's decline code, {@code provider_unavailable}, or null
 * @param provider which payment provider decided and holds the authorization: {@code
 *     payment-provider} (the primary) or {@code payment-provider-fallback} (the alternative, used
 *     while the primary is unavailable); null when no provider answered
 */
public record PaymentView(
    UUID id,
    UUID orderId,
    String status,
    BigDecimal amount,
    String currency,
    String declineReason,
    String provider) {}
