package dev.mercado.orders;

import dev.mercado.orders.domain.SagaDeadlines;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of orders, under {@code mercado.orders}.
 *
 * @param decisionDeadline how long a customer may wait for the order to be decided (stock reserved
 *     and payment authorized), counted from when it was placed; after that it is cancelled (default
 *     2 min: an outage of a minute of Kafka, catalog or payments, and their recovery, fit in it;
 *     docs/patterns/saga.md)
 * @param releaseDeadline how long a cancelling order waits for a release before asking again
 *     (default 10 s)
 * @param deadlineCheck how often expired deadlines are looked for (default 500 ms)
 */
@ConfigurationProperties("mercado.orders")
public record OrdersProperties(
    @DefaultValue("2m") Duration decisionDeadline,
    @DefaultValue("10s") Duration releaseDeadline,
    @DefaultValue("500ms") Duration deadlineCheck) {

  public SagaDeadlines deadlines() {
    return new SagaDeadlines(decisionDeadline, releaseDeadline);
  }
}
