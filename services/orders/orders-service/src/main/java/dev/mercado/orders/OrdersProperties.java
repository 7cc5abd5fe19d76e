package dev.mercado.orders;

import dev.mercado.orders.domain.SagaDeadlines;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of orders, under {@code mercado.orders}.
 *
 * @param stockDeadline how long the saga waits for catalog's answer to a reservation (default 10 s)
 * @param paymentDeadline how long it waits for payments' answer (default 20 s: payments retries the
 *     provider within this budget)
 * @param releaseDeadline how long it waits for a release before asking again (default 10 s)
 * @param deadlineCheck how often expired deadlines are looked for (default 500 ms)
 */
@ConfigurationProperties("mercado.orders")
public record OrdersProperties(
    @DefaultValue("10s") Duration stockDeadline,
    @DefaultValue("20s") Duration paymentDeadline,
    @DefaultValue("10s") Duration releaseDeadline,
    @DefaultValue("500ms") Duration deadlineCheck) {

  public SagaDeadlines deadlines() {
    return new SagaDeadlines(stockDeadline, paymentDeadline, releaseDeadline);
  }
}
