package dev.mercado.orders.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the saga waits in each waiting state before it compensates (or, while cancelling, asks
 * again).
 */
public record SagaDeadlines(Duration stock, Duration payment, Duration release) {

  public SagaDeadlines {
    Objects.requireNonNull(stock, "stock");
    Objects.requireNonNull(payment, "payment");
    Objects.requireNonNull(release, "release");
  }

  Duration of(OrderStatus status) {
    return switch (status) {
      case PENDING -> stock;
      case STOCK_RESERVED -> payment;
      case CANCELLING -> release;
      default -> throw new IllegalArgumentException(status + " has no deadline");
    };
  }
}
