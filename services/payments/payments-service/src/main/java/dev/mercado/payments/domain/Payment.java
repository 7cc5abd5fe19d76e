package dev.mercado.payments.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * The payment of one order.
 *
 * @param authorizationId the provider's id, when it authorized
 * @param declineReason the provider's decline code or {@code provider_unavailable}
 * @param provider the name of the provider that decided (and holds the authorization, which its
 *     capture and refund go to); null when no provider answered
 */
public record Payment(
    UUID id,
    UUID orderId,
    PaymentStatus status,
    BigDecimal amount,
    String currency,
    String authorizationId,
    String declineReason,
    String provider) {

  public Payment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(status, "status");
  }

  public Payment with(PaymentStatus newStatus) {
    return new Payment(
        id, orderId, newStatus, amount, currency, authorizationId, declineReason, provider);
  }
}
