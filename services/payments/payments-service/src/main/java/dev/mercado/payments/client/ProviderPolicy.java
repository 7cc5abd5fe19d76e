package dev.mercado.payments.client;

import dev.mercado.platform.resilience.DownstreamRetries;
import dev.mercado.platform.resilience.Idempotence;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.ResourceAccessException;

/**
 * The resilience policy of one payment provider account, named after its downstream (F8, R4, R8).
 * Decorators, outermost first (docs/patterns/circuit-breaker.md says why in this order):
 *
 * <ol>
 *   <li><b>Retry</b> ({@link DownstreamRetries}: backoff with jitter and a retry budget) — the call
 *       carries an {@code Idempotency-Key}, so it is {@link Idempotence#KEYED} and a retry never
 *       charges twice. Retries only a 5xx answer ({@link ProviderFailure}) or an I/O failure
 *       (refused connection, timeout); never an open breaker or a full bulkhead, so an open breaker
 *       ends the call at once;
 *   <li><b>CircuitBreaker</b> (Resilience4j, {@code resilience4j.circuitbreaker.instances.<name>})
 *       — sees every attempt, so its failure and slow-call rates are the provider's own;
 *   <li><b>Bulkhead</b> (Resilience4j semaphore, {@code resilience4j.bulkhead.instances.<name>}) —
 *       a permit is held only while a request is in flight, not during backoff pauses;
 *   <li>the HTTP request, bounded by the client's connect and read timeouts.
 * </ol>
 *
 * <p>A breaker-open call fails with {@code CallNotPermittedException}, a bulkhead-full one with
 * {@code BulkheadFullException} (which the breaker's configuration must ignore: saturation here
 * says nothing about the provider's health). Thread-safe.
 */
final class ProviderPolicy {

  private static final Logger log = LoggerFactory.getLogger(ProviderPolicy.class);

  private final String name;
  private final Retry retry;
  private final CircuitBreaker breaker;
  private final Bulkhead bulkhead;

  ProviderPolicy(String name, Retry retry, CircuitBreaker breaker, Bulkhead bulkhead) {
    this.name = name;
    this.retry = retry;
    this.breaker = breaker;
    this.bulkhead = bulkhead;
    retry
        .getEventPublisher()
        .onRetry(
            event ->
                log.warn(
                    "retrying {} (retry {}, in {} ms): {}",
                    name,
                    event.getNumberOfRetryAttempts(),
                    event.getWaitInterval().toMillis(),
                    String.valueOf(event.getLastThrowable())));
  }

  /**
   * The policy of {@code downstream}: its retry from platform-resilience, its circuit breaker and
   * bulkhead from Resilience4j's registries (configured by {@code resilience4j.*} properties,
   * exported as meters and on {@code /actuator/circuitbreakers}).
   */
  static ProviderPolicy of(
      String downstream,
      DownstreamRetries retries,
      CircuitBreakerRegistry breakers,
      BulkheadRegistry bulkheads) {
    CircuitBreaker breaker = breakers.circuitBreaker(downstream);
    breaker
        .getEventPublisher()
        .onStateTransition(
            event ->
                log.warn(
                    "circuit breaker {}: {}",
                    downstream,
                    event.getStateTransition().getFromState()
                        + " -> "
                        + event.getStateTransition().getToState()));
    return new ProviderPolicy(
        downstream,
        retries.retry(downstream, Idempotence.KEYED, ProviderPolicy::retryable),
        breaker,
        bulkheads.bulkhead(downstream));
  }

  /** Whether a failed attempt is tried again: a 5xx answer or an I/O failure. */
  static boolean retryable(Throwable error) {
    return error instanceof ProviderFailure || error instanceof ResourceAccessException;
  }

  /**
   * Runs {@code attempt} under the policy: each attempt inside the bulkhead and the breaker, the
   * whole within the retry.
   *
   * @throws io.github.resilience4j.circuitbreaker.CallNotPermittedException while the breaker is
   *     open (no request is sent)
   * @throws io.github.resilience4j.bulkhead.BulkheadFullException when no permit came within the
   *     bulkhead's maximum wait
   * @throws RuntimeException the last attempt's error once retries are exhausted or refused by the
   *     budget
   */
  <T> T call(Supplier<T> attempt) {
    Supplier<T> bounded = Bulkhead.decorateSupplier(bulkhead, attempt);
    Supplier<T> guarded = CircuitBreaker.decorateSupplier(breaker, bounded);
    return Retry.decorateSupplier(retry, guarded).get();
  }

  String name() {
    return name;
  }

  CircuitBreaker breaker() {
    return breaker;
  }

  Bulkhead bulkhead() {
    return bulkhead;
  }

  Retry retry() {
    return retry;
  }
}
