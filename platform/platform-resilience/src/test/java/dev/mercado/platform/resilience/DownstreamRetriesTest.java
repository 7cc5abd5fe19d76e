package dev.mercado.platform.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.event.RetryOnRetryEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** R8, R12: the Resilience4j retries built per downstream, with their strategy and budget. */
class DownstreamRetriesTest {

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stopScheduler() {
    scheduler.shutdownNow();
  }

  @Test
  void retriesAnIdempotentCallUpToMaxAttemptsWithTheStrategysPauses() {
    DownstreamRetries retries =
        retries(
            policy(
                Backoff.Strategy.EXPONENTIAL, 4, 1, 5, new ResilienceProperties.Budget(0.1, 10)));
    Retry retry = retries.retry("catalog", Idempotence.IDEMPOTENT);
    List<Long> waits = waits(retry);
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(() -> retry.executeSupplier(failing(attempts)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("catalog is down");

    assertThat(attempts).hasValue(4);
    assertThat(waits).containsExactly(2L, 4L, 5L);
    assertThat(retry.getName()).isEqualTo("catalog");
    // the call's deposit went into a full bucket; each retry took a token
    assertThat(retries.budget("catalog").tokens()).isEqualTo(7.0);
  }

  @Test
  void returnsTheAnswerOfTheFirstAttemptThatSucceeds() {
    Retry retry =
        retries(
                policy(
                    Backoff.Strategy.CONSTANT, 3, 1, 1, new ResilienceProperties.Budget(0.1, 10)))
            .retry("catalog", Idempotence.KEYED);
    AtomicInteger attempts = new AtomicInteger();

    String answer =
        retry.executeSupplier(
            () -> {
              if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("not yet");
              }
              return "ok";
            });

    assertThat(answer).isEqualTo("ok");
    assertThat(attempts).hasValue(3);
  }

  @Test
  void triesANonIdempotentCallOnceUnlessTheDownstreamAllowsIt() {
    AtomicInteger attempts = new AtomicInteger();
    Retry once =
        retries(policy(Backoff.Strategy.NONE, 3, 1, 1, new ResilienceProperties.Budget(0.1, 10)))
            .retry("catalog", Idempotence.NOT_IDEMPOTENT);

    assertThatThrownBy(() -> once.executeSupplier(failing(attempts))).hasMessage("catalog is down");
    assertThat(attempts).hasValue(1);

    attempts.set(0);
    ResilienceProperties.RetryPolicy anyCall =
        new ResilienceProperties.RetryPolicy(
            Backoff.Strategy.NONE,
            3,
            Duration.ofMillis(1),
            Duration.ofMillis(1),
            new ResilienceProperties.Budget(0.1, 10),
            false);
    Retry retried = retries(anyCall).retry("catalog", Idempotence.NOT_IDEMPOTENT);

    assertThatThrownBy(() -> retried.executeSupplier(failing(attempts)))
        .hasMessage("catalog is down");
    assertThat(attempts).hasValue(3);
  }

  @Test
  void stopsRetryingWhenTheBudgetIsEmptyAndFailsWithTheCallsOwnError() {
    DownstreamRetries retries =
        retries(policy(Backoff.Strategy.NONE, 5, 1, 1, new ResilienceProperties.Budget(0.1, 2)));
    Retry retry = retries.retry("catalog", Idempotence.IDEMPOTENT);
    AtomicInteger attempts = new AtomicInteger();
    int calls = 200;

    for (int call = 0; call < calls; call++) {
      assertThatThrownBy(() -> retry.executeSupplier(failing(attempts)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("catalog is down");
    }

    // without the budget: 5 attempts per call; with it, the first attempts plus 2 + 0.1 per call
    assertThat(attempts.get()).isLessThanOrEqualTo(calls + 2 + calls / 10).isGreaterThan(calls);
    assertThat(retries.budget("catalog").refused()).isGreaterThanOrEqualTo(calls - 22);
  }

  @Test
  void aRefusedRetryOfAnAsynchronousCallFailsItWithItsOwnError() throws Exception {
    DownstreamRetries retries =
        retries(
            policy(Backoff.Strategy.CONSTANT, 3, 1, 1, new ResilienceProperties.Budget(0.1, 1)));
    Retry retry = retries.retry("catalog", Idempotence.IDEMPOTENT);
    AtomicInteger attempts = new AtomicInteger();

    CompletableFuture<String> first =
        retry.executeCompletionStage(scheduler, () -> failingAsync(attempts)).toCompletableFuture();

    assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasRootCauseMessage("catalog is down");
    // one retry from the full bucket (1 token), the second refused
    assertThat(attempts).hasValue(2);
    assertThat(retries.budget("catalog").refused()).isEqualTo(1);
  }

  @Test
  void decorrelatedJitterFollowsEachCallsOwnPreviousPause() {
    DownstreamRetries retries =
        new DownstreamRetries(
            properties(
                policy(
                    Backoff.Strategy.DECORRELATED_JITTER,
                    6,
                    1,
                    40,
                    new ResilienceProperties.Budget(1, 1_000))),
            new SplittableRandom(5));
    Retry retry = retries.retry("catalog", Idempotence.IDEMPOTENT);
    List<Long> waits = waits(retry);
    Backoff backoff = retries.backoff("catalog");
    SplittableRandom replay = new SplittableRandom(5);

    for (int call = 0; call < 3; call++) {
      waits.clear();
      assertThatThrownBy(() -> retry.executeSupplier(failing(new AtomicInteger())))
          .hasMessage("catalog is down");

      Backoff.Sequence expected = backoff.sequence(replay);
      assertThat(waits).hasSize(5);
      for (long wait : waits) {
        assertThat(wait).isEqualTo(expected.next().toMillis());
      }
    }
  }

  @Test
  void retriesOnlyTheExceptionsThePredicateAccepts() {
    Retry retry =
        retries(policy(Backoff.Strategy.NONE, 3, 1, 1, new ResilienceProperties.Budget(0.1, 10)))
            .retry(
                "catalog", Idempotence.IDEMPOTENT, e -> !(e instanceof IllegalArgumentException));
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                retry.executeSupplier(
                    () -> {
                      attempts.incrementAndGet();
                      throw new IllegalArgumentException("bad request");
                    }))
        .hasMessage("bad request");
    assertThat(attempts).hasValue(1);
  }

  @Test
  void refusesAnUnknownDownstreamNamingTheKeyToConfigure() {
    DownstreamRetries retries =
        retries(policy(Backoff.Strategy.NONE, 3, 1, 1, new ResilienceProperties.Budget(0.1, 10)));

    assertThatThrownBy(() -> retries.retry("catalgo", Idempotence.IDEMPOTENT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mercado.resilience.downstreams.catalgo.retry")
        .hasMessageContaining("[catalog]");
  }

  @Test
  void givesTheSameRetryForTheSameDownstreamAndKindOfCall() {
    DownstreamRetries retries =
        retries(policy(Backoff.Strategy.NONE, 3, 1, 1, new ResilienceProperties.Budget(0.1, 10)));

    assertThat(retries.retry("catalog", Idempotence.IDEMPOTENT))
        .isSameAs(retries.retry("catalog", Idempotence.KEYED))
        .isNotSameAs(retries.retry("catalog", Idempotence.NOT_IDEMPOTENT));
  }

  private static List<Long> waits(Retry retry) {
    List<Long> waits = new CopyOnWriteArrayList<>();
    retry
        .getEventPublisher()
        .onRetry((RetryOnRetryEvent event) -> waits.add(event.getWaitInterval().toMillis()));
    return waits;
  }

  private static Supplier<String> failing(AtomicInteger attempts) {
    return () -> {
      attempts.incrementAndGet();
      throw new IllegalStateException("catalog is down");
    };
  }

  private static CompletionStage<String> failingAsync(AtomicInteger attempts) {
    attempts.incrementAndGet();
    return CompletableFuture.failedFuture(new IllegalStateException("catalog is down"));
  }

  private static ResilienceProperties.RetryPolicy policy(
      Backoff.Strategy strategy,
      int maxAttempts,
      long baseMillis,
      long capMillis,
      ResilienceProperties.Budget budget) {
    return new ResilienceProperties.RetryPolicy(
        strategy,
        maxAttempts,
        Duration.ofMillis(baseMillis),
        Duration.ofMillis(capMillis),
        budget,
        true);
  }

  private static ResilienceProperties properties(ResilienceProperties.RetryPolicy policy) {
    return new ResilienceProperties(Map.of("catalog", new ResilienceProperties.Downstream(policy)));
  }

  private static DownstreamRetries retries(ResilienceProperties.RetryPolicy policy) {
    return new DownstreamRetries(properties(policy), new SplittableRandom(1));
  }
}
