package dev.mercado.platform.ratelimit.internal;

import dev.mercado.platform.ratelimit.Decision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Counts and times decisions: {@code mercado.ratelimit.decisions} (tags policy, tier, limit,
 * outcome) and {@code mercado.ratelimit.decision.duration} (tags policy, backend). Meters are
 * cached, so recording costs a map lookup.
 */
public final class DecisionMeters {

  private final MeterRegistry registry;
  private final String backend;
  private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

  /** {@code registry} may be {@code null}: then nothing is recorded. */
  public DecisionMeters(MeterRegistry registry, String backend) {
    this.registry = registry;
    this.backend = backend;
  }

  public void record(String policy, String tier, Decision decision, long nanos) {
    if (registry == null) {
      return;
    }
    String outcome = decision.degraded() ? "error" : decision.allowed() ? "allowed" : "rejected";
    String limit = decision.limit() == null ? "none" : decision.limit();
    String id = policy + '\0' + tier + '\0' + limit + '\0' + outcome;
    counters
        .computeIfAbsent(
            id,
            any ->
                Counter.builder("mercado.ratelimit.decisions")
                    .description("rate-limit decisions")
                    .tag("policy", policy)
                    .tag("tier", tier)
                    .tag("limit", limit)
                    .tag("outcome", outcome)
                    .register(registry))
        .increment();
    timers
        .computeIfAbsent(
            policy,
            any ->
                Timer.builder("mercado.ratelimit.decision.duration")
                    .description("time to decide one request, backend round trip included")
                    .tag("policy", policy)
                    .tag("backend", backend)
                    .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }
}
