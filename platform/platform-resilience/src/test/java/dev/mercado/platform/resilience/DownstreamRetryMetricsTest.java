package dev.mercado.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mercado.platform.resilience.internal.DownstreamRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * F8: the retries built per downstream publish Resilience4j's own {@code resilience4j.retry.calls}.
 */
class DownstreamRetryMetricsTest {

  private final DownstreamRetries retries =
      new DownstreamRetries(
          new ResilienceProperties(
              Map.of(
                  "catalog", downstream(),
                  "payment-provider", downstream())));
  private final MeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void countsCallsByKindPerDownstreamAcrossEveryRetryBuiltForIt() {
    new DownstreamRetryMetrics(retries).bindTo(registry);
    Retry keyed = retries.retry("payment-provider", Idempotence.KEYED);
    Retry narrowed =
        retries.retry(
            "payment-provider", Idempotence.KEYED, e -> !(e instanceof IllegalArgumentException));
    AtomicInteger attempts = new AtomicInteger();

    keyed.executeSupplier(() -> "ok");
    keyed.executeSupplier(
        () -> {
          if (attempts.incrementAndGet() < 2) {
            throw new IllegalStateException("once");
          }
          return "ok";
        });
    assertThatThrownBy(
            () ->
                keyed.executeSupplier(
                    () -> {
                      throw new IllegalStateException("down");
                    }))
        .hasMessage("down");
    assertThatThrownBy(
            () ->
                narrowed.executeSupplier(
                    () -> {
                      throw new IllegalArgumentException("bad request");
                    }))
        .hasMessage("bad request");

    assertThat(calls("payment-provider", "successful_without_retry")).isEqualTo(1);
    assertThat(calls("payment-provider", "successful_with_retry")).isEqualTo(1);
    assertThat(calls("payment-provider", "failed_with_retry")).isEqualTo(1);
    assertThat(calls("payment-provider", "failed_without_retry")).isEqualTo(1);
    assertThat(retries.built("payment-provider")).contains(keyed, narrowed);
  }

  @Test
  void showsZerosForADownstreamNotCalledYet() {
    new DownstreamRetryMetrics(retries).bindTo(registry);

    assertThat(calls("catalog", "successful_without_retry")).isZero();
    assertThat(registry.find(DownstreamRetryMetrics.CALLS).tag("name", "catalog").meters())
        .hasSize(4);
    assertThat(retries.built("catalog")).isEmpty();
  }

  private double calls(String downstream, String kind) {
    return registry
        .get(DownstreamRetryMetrics.CALLS)
        .tag("name", downstream)
        .tag("kind", kind)
        .functionCounter()
        .count();
  }

  private static ResilienceProperties.Downstream downstream() {
    return new ResilienceProperties.Downstream(
        new ResilienceProperties.RetryPolicy(
            Backoff.Strategy.NONE,
            3,
            Duration.ofMillis(1),
            Duration.ofMillis(1),
            new ResilienceProperties.Budget(0.1, 10),
            true));
  }
}
