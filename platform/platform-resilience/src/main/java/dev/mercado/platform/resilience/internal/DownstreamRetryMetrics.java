package dev.mercado.platform.resilience.internal;

import dev.mercado.platform.resilience.DownstreamRetries;
import io.github.resilience4j.retry.Retry;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToLongFunction;

/**
 * Resilience4j's own retry meter for the retries {@link DownstreamRetries} builds, which live
 * outside any Resilience4j {@code RetryRegistry} and so are not published by Resilience4j's Spring
 * Boot support: the counter {@code resilience4j.retry.calls}, tagged {@code name} (the downstream)
 * and {@code kind} ({@code successful_without_retry}, {@code successful_with_retry}, {@code
 * failed_with_retry}, {@code failed_without_retry}), with the same name and tags as
 * resilience4j-micrometer's {@code TaggedRetryMetrics}, so its dashboards work unchanged.
 *
 * <p>One counter per downstream and kind, summing every retry built for that downstream (they share
 * its name). Registered for each configured downstream at start-up, so a downstream not called yet
 * shows zeros.
 */
public final class DownstreamRetryMetrics implements MeterBinder {

  /** The meter's name, as Resilience4j names it. */
  public static final String CALLS = "resilience4j.retry.calls";

  private final DownstreamRetries retries;

  public DownstreamRetryMetrics(DownstreamRetries retries) {
    this.retries = retries;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String downstream : retries.downstreams()) {
      register(
          registry,
          downstream,
          "successful_without_retry",
          "calls that succeeded without a retry",
          metrics -> metrics.getNumberOfSuccessfulCallsWithoutRetryAttempt());
      register(
          registry,
          downstream,
          "successful_with_retry",
          "calls that succeeded after one or more retries",
          metrics -> metrics.getNumberOfSuccessfulCallsWithRetryAttempt());
      register(
          registry,
          downstream,
          "failed_with_retry",
          "calls that failed after all their retries (or a refused one)",
          metrics -> metrics.getNumberOfFailedCallsWithRetryAttempt());
      register(
          registry,
          downstream,
          "failed_without_retry",
          "calls that failed with an error that is not retried",
          metrics -> metrics.getNumberOfFailedCallsWithoutRetryAttempt());
    }
  }

  private void register(
      MeterRegistry registry,
      String downstream,
      String kind,
      String description,
      ToLongFunction<Retry.Metrics> count) {
    FunctionCounter.builder(
            CALLS,
            retries,
            all ->
                all.built(downstream).stream()
                    .mapToLong(retry -> count.applyAsLong(retry.getMetrics()))
                    .sum())
        .description("The number of " + description)
        .tag("name", downstream)
        .tag("kind", kind)
        .register(registry);
  }
}
