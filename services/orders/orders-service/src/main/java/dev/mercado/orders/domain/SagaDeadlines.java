package dev.mercado.orders.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long the saga waits (docs/patterns/saga.md, R12).
 *
 * <p>{@code decision} is the customer's patience: an order must be decided (stock reserved and
 * payment authorized) within it, counted from when it was placed, or it is cancelled. It is one
 * budget for both steps, not one per step, because a step that nobody has answered yet (its command
 * still in the outbox while Kafka is down, or unconsumed while catalog or payments restart) has not
 * failed: a participant that fails says so at once (stock rejected, payment declined) and the order
 * ends then. {@code release} is how long a cancelling order waits for catalog to confirm the
 * release before asking again.
 */
public record SagaDeadlines(Duration decision, Duration release) {

  public SagaDeadlines {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(release, "release");
  }

  /**
   * When an order placed at {@code placedAt}, entering {@code status} at {@code now}, stops
   * waiting.
   */
  Instant of(OrderStatus status, Instant placedAt, Instant now) {
    return switch (status) {
      case PENDING, STOCK_RESERVED -> placedAt.plus(decision);
      case CANCELLING -> now.plus(release);
      default -> throw new IllegalArgumentException(status + " has no deadline");
    };
  }
}
