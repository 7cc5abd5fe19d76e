package dev.mercado.platform.ratelimit;

import dev.mercado.platform.ratelimit.internal.DecisionMeters;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The configured policies and the limiter that enforces them: what the gateway and the services
 * call. Given a request (route id, method, path and {@link Requester}) it finds the policies that
 * apply, picks each one's tier and key, and decides; or it decides one named policy directly.
 *
 * <p>Several policies can apply to one request (say, a per-IP policy on every route and a per-user
 * one on an endpoint). They are evaluated in configuration order and the request is admitted only
 * if all admit. Each policy is atomic on its own (a request rejected by one of its limits consumes
 * nothing from the others); across policies, evaluation stops at the first rejection, so later
 * policies are not charged but earlier ones have been. Limits that must be all-or-nothing belong in
 * one policy.
 *
 * <p>Every decision is counted by {@code mercado.ratelimit.decisions} (tags {@code policy}, {@code
 * tier}, {@code limit}, {@code outcome}: {@code allowed}, {@code rejected} or {@code error} when
 * the backend failed) and timed by {@code mercado.ratelimit.decision.duration} (tags {@code
 * policy}, {@code backend}). Thread-safe.
 */
public final class RateLimits {

  private final RateLimiter limiter;
  private final Map<String, TieredPolicy> policies = new LinkedHashMap<>();
  private final String defaultTier;
  private final DecisionMeters meters;

  /**
   * @param limiter the backend
   * @param policies the policies, in evaluation order
   * @param defaultTier the tier of callers without one or in a tier a policy does not list
   * @param meters where decisions are counted; {@code null}: nowhere
   */
  public RateLimits(
      RateLimiter limiter, List<TieredPolicy> policies, String defaultTier, MeterRegistry meters) {
    this.limiter = limiter;
    this.defaultTier = defaultTier;
    for (TieredPolicy policy : policies) {
      if (!policy.tiers().containsKey(defaultTier)) {
        throw new IllegalArgumentException(
            "policy " + policy.name() + " lacks the default tier " + defaultTier);
      }
      this.policies.put(policy.name(), policy);
    }
    this.meters = new DecisionMeters(meters, limiter.backend());
  }

  /** Every policy, in evaluation order. */
  public List<TieredPolicy> policies() {
    return List.copyOf(policies.values());
  }

  public Optional<TieredPolicy> policy(String name) {
    return Optional.ofNullable(policies.get(name));
  }

  /** The backend. */
  public RateLimiter limiter() {
    return limiter;
  }

  /** The policies that apply to a request, in evaluation order (empty: no limit applies). */
  public List<TieredPolicy> matching(String routeId, String method, String path) {
    List<TieredPolicy> matched = new ArrayList<>(2);
    for (TieredPolicy policy : policies.values()) {
      if (policy.match().matches(routeId, method, path)) {
        matched.add(policy);
      }
    }
    return matched;
  }

  /**
   * Decides a request under every policy that applies to it; blocks for at most the backend's
   * timeout per policy. {@link Decision#unlimited()} when none applies.
   */
  public Decision check(String routeId, String method, String path, Requester requester) {
    Decision decision = Decision.unlimited();
    for (TieredPolicy policy : matching(routeId, method, path)) {
      decision = decision.and(decide(policy, requester.tier(), requester.key(policy.key())));
      if (!decision.allowed()) {
        return decision;
      }
    }
    return decision;
  }

  /** Decides a request under every policy that applies to it, without blocking. */
  public CompletionStage<Decision> checkAsync(
      String routeId, String method, String path, Requester requester) {
    CompletionStage<Decision> decision = CompletableFuture.completedFuture(Decision.unlimited());
    for (TieredPolicy policy : matching(routeId, method, path)) {
      decision =
          decision.thenCompose(
              sofar ->
                  sofar.allowed()
                      ? decideAsync(policy, requester.tier(), requester.key(policy.key()))
                          .thenApply(sofar::and)
                      : CompletableFuture.completedFuture(sofar));
    }
    return decision;
  }

  /**
   * Decides a request under one named policy, counted by the requester's identity the policy keys
   * on.
   *
   * @throws IllegalArgumentException if there is no such policy
   */
  public Decision check(String policy, Requester requester) {
    TieredPolicy tiered = require(policy);
    return decide(tiered, requester.tier(), requester.key(tiered.key()));
  }

  /** Decides a request under one named policy without blocking. */
  public CompletionStage<Decision> checkAsync(String policy, Requester requester) {
    TieredPolicy tiered = require(policy);
    return decideAsync(tiered, requester.tier(), requester.key(tiered.key()));
  }

  /**
   * Decides a request under one named policy for an explicit tier and key (for callers that resolve
   * keys themselves, e.g. a gateway {@code KeyResolver}).
   *
   * @param tier the requester's tier; {@code null} or unknown to the policy: the default tier
   * @throws IllegalArgumentException if there is no such policy
   */
  public Decision check(String policy, String tier, String key) {
    return decide(require(policy), tier, key);
  }

  /** Decides under one named policy for an explicit tier and key, without blocking. */
  public CompletionStage<Decision> checkAsync(String policy, String tier, String key) {
    return decideAsync(require(policy), tier, key);
  }

  private Decision decide(TieredPolicy policy, String tier, String key) {
    String effective = tierOf(policy, tier);
    long start = System.nanoTime();
    Decision decision = limiter.tryAcquire(policy.tiers().get(effective), key);
    meters.record(policy.name(), effective, decision, System.nanoTime() - start);
    return decision;
  }

  private CompletionStage<Decision> decideAsync(TieredPolicy policy, String tier, String key) {
    String effective = tierOf(policy, tier);
    long start = System.nanoTime();
    return limiter
        .tryAcquireAsync(policy.tiers().get(effective), key)
        .thenApply(
            decision -> {
              meters.record(policy.name(), effective, decision, System.nanoTime() - start);
              return decision;
            });
  }

  private String tierOf(TieredPolicy policy, String tier) {
    return tier != null && policy.tiers().containsKey(tier) ? tier : defaultTier;
  }

  private TieredPolicy require(String name) {
    TieredPolicy policy = policies.get(name);
    if (policy == null) {
      throw new IllegalArgumentException(
          "no rate-limit policy " + name + " (configured: " + policies.keySet() + ")");
    }
    return policy;
  }
}
