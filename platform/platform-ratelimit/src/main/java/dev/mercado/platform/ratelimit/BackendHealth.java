package dev.mercado.platform.ratelimit;

import java.util.Map;

/**
 * A limiter backend's state, shown by the {@code rateLimiter} health component.
 *
 * @param backend {@code memory} or {@code redis}
 * @param degraded whether decisions currently follow the failure mode instead of the limits
 * @param details what an operator needs: failure mode, last error and since when, key count...
 */
public record BackendHealth(String backend, boolean degraded, Map<String, Object> details) {

  public BackendHealth {
    details = Map.copyOf(details);
  }
}
