package dev.mercado.platform.resilience.internal;

import dev.mercado.platform.resilience.DownstreamRetries;
import dev.mercado.platform.resilience.RetryBudget;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The retry budgets' meters, tagged {@code downstream}: the gauge {@code
 * mercado.resilience.retry.budget} (tokens in the bucket) and the counter {@code
 * mercado.resilience.retry.budget.refused} (retries refused).
 */
public final class RetryBudgetMetrics implements MeterBinder {

  private final DownstreamRetries retries;

  public RetryBudgetMetrics(DownstreamRetries retries) {
    this.retries = retries;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String downstream : retries.downstreams()) {
      RetryBudget budget = retries.budget(downstream);
      Gauge.builder("mercado.resilience.retry.budget", budget, RetryBudget::tokens)
          .description("tokens in the downstream's retry budget; a retry takes one")
          .baseUnit("tokens")
          .tag("downstream", downstream)
          .register(registry);
      FunctionCounter.builder(
              "mercado.resilience.retry.budget.refused", budget, RetryBudget::refused)
          .description("retries the downstream's retry budget refused")
          .tag("downstream", downstream)
          .register(registry);
    }
  }
}
