package dev.mercado.orders.application;

import dev.mercado.orders.domain.Money;
import dev.mercado.orders.domain.SagaAction;
import dev.mercado.platform.observability.Committed;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Orders' business metrics (O1), counted only once the transaction that decided them commits, so a
 * rolled-back placement or a redelivered answer is not counted twice: {@code
 * mercado.orders.placed}, {@code mercado.orders.finished{outcome=confirmed|cancelled|rejected}} and
 * {@code mercado.orders.revenue{currency}} (the total of confirmed orders, in the currency's major
 * unit).
 */
@Component
class OrderMetrics {

  private final MeterRegistry registry;
  private final Counter placed;

  OrderMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.placed =
        Counter.builder("mercado.orders.placed")
            .description("orders accepted (202)")
            .baseUnit("orders")
            .register(registry);
  }

  void placed() {
    Committed.afterCommit(placed::increment);
  }

  /** Counts the outcome a saga action announces; other actions count nothing. */
  void finished(SagaAction action, Money total) {
    String outcome;
    switch (action) {
      case PUBLISH_CONFIRMED -> outcome = "confirmed";
      case PUBLISH_CANCELLED -> outcome = "cancelled";
      case PUBLISH_REJECTED -> outcome = "rejected";
      default -> {
        return;
      }
    }
    Committed.afterCommit(
        () -> {
          Counter.builder("mercado.orders.finished")
              .description("orders whose saga reached a final state")
              .baseUnit("orders")
              .tag("outcome", outcome)
              .register(registry)
              .increment();
          if (outcome.equals("confirmed")) {
            Counter.builder("mercado.orders.revenue")
                .description("total of confirmed orders, in the currency's major unit")
                .tag("currency", total.currency().getCurrencyCode())
                .register(registry)
                .increment(total.amount().doubleValue());
          }
        });
  }
}
