package dev.mercado.platform.resilience;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Named resilience policies per downstream, under {@code mercado.resilience}. Invalid values stop
 * the application at start-up, naming the offending key. Circuit breakers, bulkheads and time
 * limiters are configured with Resilience4j's own {@code resilience4j.*} properties.
 *
 * <pre>
 * mercado.resilience.downstreams:
 *   payment-provider:
 *     retry:
 *       strategy: decorrelated-jitter
 *       max-attempts: 4
 *       base: 50ms
 *       cap: 1s
 *       budget: { ratio: 0.1, capacity: 10 }
 * </pre>
 *
 * @param downstreams the policies by downstream name (the name a client asks {@link
 *     DownstreamRetries} for, and the {@code downstream} tag of the metrics)
 */
@ConfigurationProperties("mercado.resilience")
public record ResilienceProperties(Map<String, Downstream> downstreams) {

  /**
   * @throws IllegalArgumentException if a value is out of range; the message names the key
   */
  public ResilienceProperties {
    downstreams = downstreams == null ? Map.of() : Map.copyOf(downstreams);
    downstreams.forEach(ResilienceProperties::validate);
  }

  /** The policy of {@code downstream}, if one is configured. */
  public Downstream downstream(String downstream) {
    return downstreams.get(downstream);
  }

  /**
   * One downstream's policies.
   *
   * @param retry how calls to it are retried
   */
  public record Downstream(@DefaultValue RetryPolicy retry) {

    public Downstream {
      Objects.requireNonNull(retry, "retry");
    }
  }

  /**
   * How calls to one downstream are retried.
   *
   * @param strategy the pause before each retry (default {@code exponential-full-jitter}): {@code
   *     none}, {@code constant}, {@code linear}, {@code exponential}, {@code
   *     exponential-full-jitter}, {@code exponential-equal-jitter} or {@code decorrelated-jitter};
   *     see {@link Backoff}
   * @param maxAttempts attempts per call including the first, 1 to 100 (default 3); 1 means no
   *     retry
   * @param base the unit of the strategy, at least 1 ms (default 50 ms): the constant pause, the
   *     linear step, half the first exponential ceiling, decorrelated jitter's shortest pause
   * @param cap the longest pause, from {@code base} to 1 day (default 2 s)
   * @param budget the retry budget shared by every call to this downstream
   * @param idempotentOnly retry only calls declared {@link Idempotence#IDEMPOTENT} or {@link
   *     Idempotence#KEYED} (default {@code true}); a {@link Idempotence#NOT_IDEMPOTENT} call is
   *     then tried once
   */
  public record RetryPolicy(
      @DefaultValue("exponential-full-jitter") Backoff.Strategy strategy,
      @DefaultValue("3") int maxAttempts,
      @DefaultValue("50ms") Duration base,
      @DefaultValue("2s") Duration cap,
      @DefaultValue Budget budget,
      @DefaultValue("true") boolean idempotentOnly) {

    public RetryPolicy {
      Objects.requireNonNull(strategy, "strategy");
      Objects.requireNonNull(base, "base");
      Objects.requireNonNull(cap, "cap");
      Objects.requireNonNull(budget, "budget");
    }

    /** The strategy with its base and cap. */
    public Backoff backoff() {
      return Backoff.of(strategy, base, cap);
    }
  }

  /**
   * A retry budget (see {@link RetryBudget}).
   *
   * @param ratio the share of a token each call deposits, 0.001 to 1 (default 0.1: retries add at
   *     most 10% load once the bucket is drained)
   * @param capacity the most tokens the bucket holds and starts with, 1 to 1 000 000 (default 10):
   *     the burst of retries allowed before the ratio applies
   */
  public record Budget(@DefaultValue("0.1") double ratio, @DefaultValue("10") int capacity) {

    /** A fresh, full budget with these settings. */
    public RetryBudget newBudget() {
      return new RetryBudget(ratio, capacity);
    }
  }

  private static void validate(String name, Downstream downstream) {
    String prefix = "mercado.resilience.downstreams." + name + ".retry.";
    if (downstream == null) {
      throw new IllegalArgumentException("mercado.resilience.downstreams." + name + " is empty");
    }
    RetryPolicy retry = downstream.retry();
    if (retry.maxAttempts() < 1 || retry.maxAttempts() > 100) {
      throw new IllegalArgumentException(
          prefix + "max-attempts must be 1 to 100, was " + retry.maxAttempts());
    }
    if (retry.base().compareTo(Duration.ofMillis(1)) < 0) {
      throw new IllegalArgumentException(
          prefix
              + "base must be at least 1ms (Resilience4j waits in milliseconds), was "
              + retry.base());
    }
    try {
      retry.backoff();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(prefix + "cap: " + e.getMessage(), e);
    }
    double ratio = retry.budget().ratio();
    if (!(ratio >= 0.001 && ratio <= 1)) {
      throw new IllegalArgumentException(prefix + "budget.ratio must be 0.001 to 1, was " + ratio);
    }
    int capacity = retry.budget().capacity();
    if (capacity < 1 || capacity > 1_000_000) {
      throw new IllegalArgumentException(
          prefix + "budget.capacity must be 1 to 1000000, was " + capacity);
    }
  }
}
