package dev.mercado.platform.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The response header fields of a decision, free of any web framework: {@code RateLimit-Policy} and
 * {@code RateLimit} as draft-ietf-httpapi-ratelimit-headers (draft 11) defines them, and {@code
 * Retry-After} (RFC 9110) on rejections. Both fields are Structured Field lists (RFC 9651) with one
 * item per limit, named by the limit:
 *
 * <pre>
 * RateLimit-Policy: "free-10ps";q=10;w=1, "free-1000ph";q=1000;w=3600
 * RateLimit: "free-10ps";r=3;t=1, "free-1000ph";r=977;t=3
 * </pre>
 *
 * <p>{@code q} is the quota and {@code w} the window in seconds; {@code r} the remaining quota and
 * {@code t} the seconds until it grows ({@link Quota#reset()}, rounded up). A window shorter than a
 * second, or not a whole number of seconds, is stated over the next whole second ({@code 5/500ms}
 * is {@code q=10;w=1}), as the draft allows no fractions. A token bucket states its rate ({@code
 * q}), not its burst, so {@code r} may exceed {@code q} after a quiet spell.
 */
public final class RateLimitHeaders {

  public static final String RATE_LIMIT = "RateLimit";
  public static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
  public static final String RETRY_AFTER = "Retry-After";

  private RateLimitHeaders() {}

  /**
   * The fields to add to the response: both rate-limit fields when the decision has quotas, and
   * {@code Retry-After} when it rejected. Empty for {@link Decision#unlimited()} and for requests
   * admitted while the backend fails open (there is no quota to state).
   */
  public static Map<String, String> of(Decision decision) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (!decision.quotas().isEmpty()) {
      fields.put(RATE_LIMIT_POLICY, policyField(decision.quotas()));
      fields.put(RATE_LIMIT, rateLimitField(decision.quotas()));
    }
    if (!decision.allowed()) {
      fields.put(RETRY_AFTER, Long.toString(retryAfterSeconds(decision.retryAfter())));
    }
    return fields;
  }

  /** {@code "name";q=<quota>;w=<seconds>} per limit, comma-separated. */
  public static String policyField(List<Quota> quotas) {
    StringBuilder field = new StringBuilder();
    for (Quota quota : quotas) {
      Limit limit = quota.limit();
      long micros = limit.periodMicros();
      long window = ceilDiv(micros, 1_000_000);
      long quotaInWindow =
          micros == window * 1_000_000
              ? limit.permits()
              : Math.multiplyExact(limit.permits(), window * 1_000_000) / micros;
      separate(field)
          .append('"')
          .append(limit.name())
          .append("\";q=")
          .append(quotaInWindow)
          .append(";w=")
          .append(window);
    }
    return field.toString();
  }

  /** {@code "name";r=<remaining>;t=<seconds>} per limit, comma-separated. */
  public static String rateLimitField(List<Quota> quotas) {
    StringBuilder field = new StringBuilder();
    for (Quota quota : quotas) {
      separate(field)
          .append('"')
          .append(quota.limit().name())
          .append("\";r=")
          .append(quota.remaining())
          .append(";t=")
          .append(seconds(quota.reset()));
    }
    return field.toString();
  }

  /**
   * {@code Retry-After} in whole seconds, rounded up and at least 1: a client that waits that long
   * finds the limit has room again.
   */
  public static long retryAfterSeconds(Duration retryAfter) {
    return Math.max(1, seconds(retryAfter));
  }

  /** A duration in whole seconds, rounded up. */
  public static long seconds(Duration duration) {
    return ceilDiv(duration.toNanos(), 1_000_000_000L);
  }

  private static StringBuilder separate(StringBuilder field) {
    return field.length() == 0 ? field : field.append(", ");
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
