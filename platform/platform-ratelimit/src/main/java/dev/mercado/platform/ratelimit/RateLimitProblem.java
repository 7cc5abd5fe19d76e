package dev.mercado.platform.ratelimit;

import dev.mercado.platform.problems.ProblemJson;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The RFC 9457 problem details of a rejected request: {@code 429} with the problem type {@code
 * quota-exceeded} of draft-ietf-httpapi-ratelimit-headers, or {@code 503} with {@code
 * temporary-reduced-capacity} when the limiter fails closed. Extension members: {@code retryAfter}
 * (seconds, as {@code Retry-After}) and {@code violated-policies} (the names of the limits that
 * rejected, as the draft defines it).
 *
 * @param status 429, or 503 when the backend failed closed
 * @param type the problem type URI
 * @param title {@code Too many requests} or {@code Rate limiter unavailable}
 * @param detail names the limit and when to retry
 * @param retryAfter seconds until a retry can pass
 * @param violatedPolicies the names of the limits that rejected the request
 */
public record RateLimitProblem(
    int status,
    URI type,
    String title,
    String detail,
    long retryAfter,
    List<String> violatedPolicies) {

  /** The problem type for a request over its quota (IANA registration in the draft). */
  public static final URI QUOTA_EXCEEDED =
      URI.create("https://iana.org/assignments/http-problem-types#quota-exceeded");

  /** The problem type for a limiter that cannot decide and fails closed. */
  public static final URI TEMPORARY_REDUCED_CAPACITY =
      URI.create("https://iana.org/assignments/http-problem-types#temporary-reduced-capacity");

  public RateLimitProblem {
    violatedPolicies = List.copyOf(violatedPolicies);
  }

  /**
   * The problem for a rejected decision.
   *
   * @throws IllegalArgumentException if the decision admitted the request
   */
  public static RateLimitProblem of(Decision decision) {
    if (decision.allowed()) {
      throw new IllegalArgumentException("the request was admitted: no problem");
    }
    long retryAfter = RateLimitHeaders.retryAfterSeconds(decision.retryAfter());
    if (decision.degraded()) {
      return new RateLimitProblem(
          503,
          TEMPORARY_REDUCED_CAPACITY,
          "Rate limiter unavailable",
          "The rate limiter cannot decide right now and rejects requests until it can ("
              + decision.failure()
              + "); retry in "
              + retryAfter
              + " s.",
          retryAfter,
          List.of());
    }
    String limit = decision.limit();
    for (Quota quota : decision.quotas()) {
      if (quota.limit().name().equals(decision.limit())) {
        limit = quota.limit().name() + " (" + rate(quota.limit()) + ")";
      }
    }
    return new RateLimitProblem(
        429,
        QUOTA_EXCEEDED,
        "Too many requests",
        "Rate limit "
            + limit
            + " of policy "
            + decision.policy()
            + " is exhausted; retry in "
            + retryAfter
            + " s.",
        retryAfter,
        decision.violated());
  }

  private static String rate(Limit limit) {
    String text =
        limit.algorithm().configName()
            + ", "
            + limit.permits()
            + " per "
            + Limit.formatPeriod(limit.period());
    if (limit.capacity() != limit.permits()) {
      text +=
          (limit.algorithm() == Algorithm.TOKEN_BUCKET ? ", burst " : ", queue ")
              + limit.capacity();
    }
    return text;
  }

  /**
   * The problem as Spring's {@link ProblemDetail} about the request at {@code path}, with the
   * extension members {@code retryAfter} and {@code violated-policies}; {@link ProblemJson} writes
   * it.
   */
  public ProblemDetail toProblemDetail(String path) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("retryAfter", retryAfter);
    properties.put("violated-policies", violatedPolicies);
    return ProblemJson.of(HttpStatusCode.valueOf(status), type, title, detail, path, properties);
  }
}
