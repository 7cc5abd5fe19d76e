package dev.mercado.payments.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mercado.platform.resilience.Backoff;
import dev.mercado.platform.resilience.DownstreamRetries;
import dev.mercado.platform.resilience.ResilienceProperties;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;

/**
 * The order of the provider's decorators (Retry, then CircuitBreaker, then Bulkhead, then the call)
 * and what each lets through: every attempt is recorded by the breaker; an open breaker or a full
 * bulkhead ends the call at once, unretried; a full bulkhead is not the provider's failure.
 */
class ProviderPolicyTest {

  private static final String PROVIDER = "payment-provider";

  private final CircuitBreakerRegistry breakers =
      CircuitBreakerRegistry.of(
          CircuitBreakerConfig.custom()
              .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
              .slidingWindowSize(4)
              .minimumNumberOfCalls(4)
              .failureRateThreshold(50)
              .waitDurationInOpenState(Duration.ofMinutes(1))
              .ignoreExceptions(BulkheadFullException.class)
              .build());
  private final BulkheadRegistry bulkheads =
      BulkheadRegistry.of(
          BulkheadConfig.custom().maxConcurrentCalls(1).maxWaitDuration(Duration.ZERO).build());
  private final DownstreamRetries retries =
      new DownstreamRetries(
          new ResilienceProperties(
              Map.of(
                  PROVIDER,
                  new ResilienceProperties.Downstream(
                      new ResilienceProperties.RetryPolicy(
                          Backoff.Strategy.NONE,
                          3,
                          Duration.ofMillis(1),
                          Duration.ofMillis(1),
                          new ResilienceProperties.Budget(0.1, 10),
                          true)))));
  private final ProviderPolicy policy = ProviderPolicy.of(PROVIDER, retries, breakers, bulkheads);
  private final AtomicInteger attempts = new AtomicInteger();

  @Test
  void retriesAFailureWithTheSameCallAndTheBreakerRecordsEveryAttempt() {
    String answer = policy.call(failingTimes(2, new ProviderFailure(PROVIDER, 503, "authorize-1")));

    assertThat(answer).isEqualTo("authorized");
    assertThat(attempts).hasValue(3);
    CircuitBreaker.Metrics metrics = policy.breaker().getMetrics();
    assertThat(metrics.getNumberOfFailedCalls()).isEqualTo(2);
    assertThat(metrics.getNumberOfSuccessfulCalls()).isEqualTo(1);
  }

  @Test
  void retriesAnUnreachableProvider() {
    assertThat(policy.call(failingTimes(1, new ResourceAccessException("connection refused"))))
        .isEqualTo("authorized");
    assertThat(attempts).hasValue(2);
  }

  @Test
  void anOpenBreakerEndsTheCallAtOnceWithoutAnAttemptOrARetry() {
    policy.breaker().transitionToOpenState();

    assertThatThrownBy(() -> policy.call(failingTimes(0, null)))
        .isInstanceOf(CallNotPermittedException.class);

    assertThat(attempts).hasValue(0);
    assertThat(policy.retry().getMetrics().getNumberOfFailedCallsWithoutRetryAttempt())
        .isEqualTo(1);
  }

  @Test
  void aBreakerThatOpensDuringACallStopsItsRetries() {
    // 3 failed attempts of a first call; the first attempt of the next call is the 4th failure
    assertThatThrownBy(() -> policy.call(failingTimes(99, failure())))
        .isInstanceOf(ProviderFailure.class);
    attempts.set(0);

    assertThatThrownBy(() -> policy.call(failingTimes(99, failure())))
        .isInstanceOf(CallNotPermittedException.class);

    assertThat(attempts).hasValue(1);
    assertThat(policy.breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
  }

  @Test
  void aFullBulkheadIsNeitherRetriedNorCountedAgainstTheProvider() {
    Bulkhead bulkhead = policy.bulkhead();
    assertThat(bulkhead.tryAcquirePermission()).isTrue();
    try {
      assertThatThrownBy(() -> policy.call(failingTimes(0, null)))
          .isInstanceOf(BulkheadFullException.class);
    } finally {
      bulkhead.onComplete();
    }

    assertThat(attempts).hasValue(0);
    assertThat(policy.breaker().getMetrics().getNumberOfFailedCalls()).isZero();
    assertThat(policy.retry().getMetrics().getNumberOfFailedCallsWithoutRetryAttempt())
        .isEqualTo(1);
  }

  @Test
  void holdsABulkheadPermitOnlyWhileARequestIsInFlight() {
    Bulkhead bulkhead = policy.bulkhead();

    policy.call(
        () -> {
          assertThat(bulkhead.getMetrics().getAvailableConcurrentCalls()).isZero();
          if (attempts.incrementAndGet() < 2) {
            throw failure();
          }
          return "authorized";
        });

    assertThat(bulkhead.getMetrics().getAvailableConcurrentCalls()).isEqualTo(1);
  }

  @Test
  void retriesOnlyProviderFailuresAndIoErrors() {
    assertThat(ProviderPolicy.retryable(failure())).isTrue();
    assertThat(ProviderPolicy.retryable(new ResourceAccessException("read timed out"))).isTrue();
    assertThat(
            ProviderPolicy.retryable(
                BulkheadFullException.createBulkheadFullException(policy.bulkhead())))
        .isFalse();
    assertThat(
            ProviderPolicy.retryable(
                CallNotPermittedException.createCallNotPermittedException(policy.breaker())))
        .isFalse();
    assertThat(ProviderPolicy.retryable(new IllegalStateException("a bug"))).isFalse();
  }

  private static ProviderFailure failure() {
    return new ProviderFailure(PROVIDER, 500, "authorize-1");
  }

  /** Fails the first {@code failures} attempts with {@code error}, then answers. */
  private Supplier<String> failingTimes(int failures, RuntimeException error) {
    return () -> {
      if (attempts.incrementAndGet() <= failures) {
        throw error;
      }
      return "authorized";
    };
  }
}
