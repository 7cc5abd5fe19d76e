package dev.mercado.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mercado.platform.resilience.internal.RetryBudgetMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The retry budget: retries add at most ratio × requests + capacity, even under concurrency. */
class RetryBudgetTest {

  private static final int THREADS = 4;

  private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void startsFullAllowsCapacityRetriesThenOneRetryPerTenRequests() {
    RetryBudget budget = new RetryBudget(0.1, 3);

    assertThat(allowed(budget, 10)).isEqualTo(3);
    assertThat(budget.refused()).isEqualTo(7);

    requests(budget, 9);
    assertThat(budget.tryAcquireRetry()).isFalse();
    requests(budget, 1);
    assertThat(budget.tokens()).isEqualTo(1.0);
    assertThat(budget.tryAcquireRetry()).isTrue();
    assertThat(budget.tryAcquireRetry()).isFalse();
    assertThat(budget.refused()).isEqualTo(9);
  }

  @Test
  void neverHoldsMoreThanItsCapacity() {
    RetryBudget budget = new RetryBudget(0.5, 2);

    requests(budget, 1_000);

    assertThat(budget.tokens()).isEqualTo(2.0);
    assertThat(allowed(budget, 5)).isEqualTo(2);
  }

  @Test
  void concurrentRequestsAndRetriesNeverExceedRatioTimesRequestsPlusCapacity() throws Exception {
    RetryBudget budget = new RetryBudget(0.1, 20);
    List<Callable<long[]>> clients = new ArrayList<>();
    CyclicBarrier start = new CyclicBarrier(THREADS);
    for (int t = 0; t < THREADS; t++) {
      long seed = t;
      clients.add(
          () -> {
            SplittableRandom random = new SplittableRandom(seed);
            long requests = 0;
            long allowed = 0;
            start.await(10, TimeUnit.SECONDS);
            for (int i = 0; i < 50_000; i++) {
              // each call: one request, then up to three retries while "failing"
              budget.recordRequest();
              requests++;
              int failures = random.nextInt(4);
              for (int retry = 0; retry < failures; retry++) {
                if (budget.tryAcquireRetry()) {
                  allowed++;
                }
              }
            }
            return new long[] {requests, allowed};
          });
    }

    long requests = 0;
    long allowed = 0;
    for (Future<long[]> result : threads.invokeAll(clients, 60, TimeUnit.SECONDS)) {
      requests += result.get()[0];
      allowed += result.get()[1];
    }

    assertThat(requests).isEqualTo(THREADS * 50_000L);
    assertThat(allowed).isLessThanOrEqualTo((long) (0.1 * requests) + 20);
    // the callers fail often enough to drain it: the budget, not the callers, sets the rate
    assertThat(allowed).isGreaterThan((long) (0.1 * requests) - 20);
    assertThat(budget.tokens()).isBetween(0.0, 20.0);
  }

  @Test
  void concurrentWithdrawalsTakeExactlyTheTokensThereAreAndDepositsAreNeverLost() throws Exception {
    RetryBudget budget = new RetryBudget(0.1, 2_000);

    assertThat(concurrently(() -> allowed(budget, 2_500))).isEqualTo(2_000);
    assertThat(budget.tokens()).isZero();

    concurrently(() -> requests(budget, 2_500));
    assertThat(budget.tokens()).isEqualTo(1_000.0);

    assertThat(concurrently(() -> allowed(budget, 500))).isEqualTo(1_000);
    assertThat(budget.refused()).isEqualTo(4 * 2_500 - 2_000 + 4 * 500 - 1_000);
  }

  @Test
  void rejectsARatioOrCapacityOutOfRange() {
    assertThatThrownBy(() -> new RetryBudget(0, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryBudget(1.5, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryBudget(Double.NaN, 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryBudget(0.1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void publishesTokensAndRefusedRetriesPerDownstream() {
    ResilienceProperties.RetryPolicy policy =
        new ResilienceProperties.RetryPolicy(
            Backoff.Strategy.EXPONENTIAL_FULL_JITTER,
            3,
            Duration.ofMillis(1),
            Duration.ofMillis(10),
            new ResilienceProperties.Budget(0.1, 2),
            true);
    DownstreamRetries retries =
        new DownstreamRetries(
            new ResilienceProperties(
                Map.of(
                    "catalog", new ResilienceProperties.Downstream(policy),
                    "payments", new ResilienceProperties.Downstream(policy))));
    MeterRegistry registry = new SimpleMeterRegistry();
    new RetryBudgetMetrics(retries).bindTo(registry);

    allowed(retries.budget("catalog"), 5);

    assertThat(tokens(registry, "catalog")).isZero();
    assertThat(tokens(registry, "payments")).isEqualTo(2.0);
    assertThat(
            registry
                .get("mercado.resilience.retry.budget.refused")
                .tag("downstream", "catalog")
                .functionCounter()
                .count())
        .isEqualTo(3.0);
  }

  private static double tokens(MeterRegistry registry, String downstream) {
    return registry
        .get("mercado.resilience.retry.budget")
        .tag("downstream", downstream)
        .gauge()
        .value();
  }

  /** Runs {@code work} on every thread at once; the sum of what they return. */
  private int concurrently(Callable<Integer> work) throws Exception {
    CyclicBarrier start = new CyclicBarrier(THREADS);
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      tasks.add(
          () -> {
            start.await(10, TimeUnit.SECONDS);
            return work.call();
          });
    }
    int sum = 0;
    for (Future<Integer> result : threads.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
      sum += result.get();
    }
    return sum;
  }

  private static int allowed(RetryBudget budget, int retries) {
    int allowed = 0;
    for (int i = 0; i < retries; i++) {
      allowed += budget.tryAcquireRetry() ? 1 : 0;
    }
    return allowed;
  }

  private static int requests(RetryBudget budget, int requests) {
    for (int i = 0; i < requests; i++) {
      budget.recordRequest();
    }
    return 0;
  }
}
