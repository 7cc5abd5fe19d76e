package dev.mercado.platform.ratelimit.internal;

import dev.mercado.platform.ratelimit.BackendHealth;
import dev.mercado.platform.ratelimit.RateLimiter;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code rateLimiter} health component: {@code UP}, or {@code DEGRADED} while the backend's
 * store is unreachable and decisions follow the failure mode, with backend, failure mode, last
 * error and since when. {@code DEGRADED} is not in Spring Boot's default status order, so it never
 * turns the service's aggregate health (or readiness) down: a limiter outage must not take the
 * service out of rotation. To let it count, add {@code degraded} to {@code
 * management.endpoint.health.status.order}.
 */
public final class RateLimiterHealthIndicator implements HealthIndicator {

  /** The limiter answers, but by its failure mode rather than by the limits. */
  public static final Status DEGRADED =
      new Status("DEGRADED", "rate limits not enforced as configured: backend unreachable");

  private final RateLimiter limiter;

  public RateLimiterHealthIndicator(RateLimiter limiter) {
    this.limiter = limiter;
  }

  @Override
  public Health health() {
    BackendHealth health = limiter.health();
    return Health.status(health.degraded() ? DEGRADED : Status.UP)
        .withDetail("backend", health.backend())
        .withDetails(health.details())
        .build();
  }
}
