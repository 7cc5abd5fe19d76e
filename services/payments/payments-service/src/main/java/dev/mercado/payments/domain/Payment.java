package dev.mercado.payments.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * The payment of one order.
 *
 * @param amount what the order asked to authorize; null only for a refund that came before any
 *     authorization ({@link #refundedBeforeAuthorization}), where nothing was ever asked for
 * @param authorizationId the provider's id, when it authorized
 * @param declineReason the provider's decline code or {@code provider_unavailable}
 * @param provider the name of the provider that decided (and holds the authorization, which its
 *     capture and refund go to); null when no provider answered
 */
public record Payment(
    UUID id,
    OrderId orderId,
    PaymentStatus status,
    Money amount,
    String authorizationId,
    String declineReason,
    String provider) {

  public Payment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(status, "status");
    if (amount == null
        && (status != PaymentStatus.REFUNDED
            || authorizationId != null
            || declineReason != null
            || provider != null)) {
      throw new IllegalArgumentException(
          "only a refund before any authorization has no amount; order "
              + orderId
              + " is "
              + status);
    }
  }

  /**
   * The tombstone of an order whose refund came before any authorization: it records that the
   * order's payment is over, so a late authorization command is declined. No provider was asked and
   * no amount is known, so it has none.
   */
  public static Payment refundedBeforeAuthorization(UUID id, OrderId orderId) {
    return new Payment(id, orderId, PaymentStatus.REFUNDED, null, null, null, null);
  }

  public Payment with(PaymentStatus newStatus) {
    return new Payment(id, orderId, newStatus, amount, authorizationId, declineReason, provider);
  }
}
