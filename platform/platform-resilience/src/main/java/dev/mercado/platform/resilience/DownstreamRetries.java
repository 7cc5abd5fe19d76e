package dev.mercado.platform.resilience;

import dev.mercado.platform.resilience.internal.BackoffIntervals;
import dev.mercado.platform.resilience.internal.BudgetedRetry;
import dev.mercado.platform.resilience.internal.PerThreadRandom;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Builds the Resilience4j {@link Retry} of each configured downstream ({@link
 * ResilienceProperties}) with its backoff strategy and its {@link RetryBudget}: every call deposits
 * into the budget, every retry withdraws a token, and a retry the budget refuses is not made (the
 * call fails with its last exception). A call declared {@link Idempotence#NOT_IDEMPOTENT} is tried
 * once when the downstream is {@code idempotent-only} (the default).
 *
 * <p>One budget per downstream, shared by all its retries. Retries cover exceptions only (not
 * results), and by default every exception; pass a predicate to narrow that (e.g. no retry on a 4xx
 * answer). Thread-safe; the retries it returns are too.
 *
 * <p>It remembers the retries it has built ({@link #built(String)}), so that their Resilience4j
 * meters ({@code resilience4j.retry.calls}) can be published per downstream.
 *
 * <pre>{@code
 * Retry retry = retries.retry("payment-provider", Idempotence.KEYED);
 * Charge charge = retry.executeSupplier(() -> provider.charge(request, idempotencyKey));
 * }</pre>
 */
public final class DownstreamRetries {

  private final ResilienceProperties properties;
  private final RandomGenerator random;
  private final Map<String, RetryBudget> budgets;
  private final Map<String, Retry> retries = new ConcurrentHashMap<>();
  private final Map<String, Set<Retry>> built = new ConcurrentHashMap<>();

  /** Retries drawing their jitter from each calling thread's random source. */
  public DownstreamRetries(ResilienceProperties properties) {
    this(properties, PerThreadRandom.INSTANCE);
  }

  /**
   * Retries drawing their jitter from {@code random}, which must be thread-safe if calls run on
   * several threads (a seeded generator makes single-threaded tests deterministic).
   */
  public DownstreamRetries(ResilienceProperties properties, RandomGenerator random) {
    this.properties = Objects.requireNonNull(properties, "properties");
    this.random = Objects.requireNonNull(random, "random");
    Map<String, RetryBudget> made = new ConcurrentHashMap<>();
    properties
        .downstreams()
        .forEach((name, policy) -> made.put(name, policy.retry().budget().newBudget()));
    this.budgets = Map.copyOf(made);
  }

  /**
   * The retry for calls of kind {@code idempotence} to {@code downstream}, retrying on any
   * exception. The same instance for the same arguments, named after the downstream.
   *
   * @throws IllegalArgumentException if {@code downstream} has no policy
   */
  public Retry retry(String downstream, Idempotence idempotence) {
    boolean retrying = retrying(downstream, idempotence);
    return retries.computeIfAbsent(
        downstream + (retrying ? "" : "#once"), key -> build(downstream, retrying, null));
  }

  /**
   * As {@link #retry(String, Idempotence)}, retrying only on the exceptions {@code retryOn}
   * accepts. A new instance at every call (sharing the downstream's budget): build it once and keep
   * it.
   *
   * @throws IllegalArgumentException if {@code downstream} has no policy
   */
  public Retry retry(String downstream, Idempotence idempotence, Predicate<Throwable> retryOn) {
    Objects.requireNonNull(retryOn, "retryOn");
    return build(downstream, retrying(downstream, idempotence), retryOn);
  }

  /**
   * The retries built so far for {@code downstream} that are still in use, in no particular order:
   * the ones {@link #retry(String, Idempotence)} keeps, and those {@link #retry(String,
   * Idempotence, Predicate)} returned while their callers hold them (they are held weakly, so a
   * retry its caller dropped is forgotten). All share the downstream's name and budget. Empty for a
   * downstream without a policy.
   */
  public List<Retry> built(String downstream) {
    Set<Retry> made = built.get(downstream);
    if (made == null) {
      return List.of();
    }
    synchronized (made) {
      return List.copyOf(made);
    }
  }

  /**
   * The retry budget of {@code downstream}.
   *
   * @throws IllegalArgumentException if {@code downstream} has no policy
   */
  public RetryBudget budget(String downstream) {
    policy(downstream);
    return budgets.get(downstream);
  }

  /**
   * The backoff of {@code downstream}.
   *
   * @throws IllegalArgumentException if {@code downstream} has no policy
   */
  public Backoff backoff(String downstream) {
    return policy(downstream).backoff();
  }

  /** The configured downstreams, sorted. */
  public Set<String> downstreams() {
    return new TreeSet<>(properties.downstreams().keySet());
  }

  private boolean retrying(String downstream, Idempotence idempotence) {
    Objects.requireNonNull(idempotence, "idempotence");
    return idempotence.safeToRepeat() || !policy(downstream).idempotentOnly();
  }

  private Retry build(String downstream, boolean retrying, Predicate<Throwable> retryOn) {
    ResilienceProperties.RetryPolicy policy = policy(downstream);
    RetryBudget budget = budgets.get(downstream);
    Backoff backoff = policy.backoff();
    RetryConfig.Builder<Object> config =
        RetryConfig.custom()
            .maxAttempts(retrying ? policy.maxAttempts() : 1)
            .intervalBiFunction(new BackoffIntervals<>(backoff, random, budget));
    if (retryOn != null) {
      config.retryOnException(retryOn);
    }
    Retry retry = Retry.of(downstream, config.build(), Map.of("downstream", downstream));
    Retry budgeted = new BudgetedRetry(retry, budget, backoff, random);
    Set<Retry> made =
        built.computeIfAbsent(
            downstream,
            name -> Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>())));
    made.add(budgeted);
    return budgeted;
  }

  private ResilienceProperties.RetryPolicy policy(String downstream) {
    ResilienceProperties.Downstream policy = properties.downstream(downstream);
    if (policy == null) {
      throw new IllegalArgumentException(
          "no policy for downstream '"
              + downstream
              + "': configure mercado.resilience.downstreams."
              + downstream
              + ".retry (configured: "
              + downstreams()
              + ")");
    }
    return policy.retry();
  }

  @Override
  public String toString() {
    return "DownstreamRetries" + downstreams();
  }
}
