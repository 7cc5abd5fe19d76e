package dev.mercado.platform.ratelimit;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RFC 9457 problem details of a rejected request, free of any web framework: {@code 429} with
 * the problem type {@code quota-exceeded} of draft-ietf-httpapi-ratelimit-headers, or {@code 503}
 * with {@code temporary-reduced-capacity} when the limiter fails closed. Extension members: {@code
 * retryAfter} (seconds, as {@code Retry-After}) and {@code violated-policies} (the names of the
 * limits that rejected, as the draft defines it).
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

  /** The extension members, for a framework's problem type ({@code ProblemDetail#setProperty}). */
  public Map<String, Object> properties() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("retryAfter", retryAfter);
    properties.put("violated-policies", violatedPolicies);
    return properties;
  }

  /** The whole problem as {@code application/problem+json}. */
  public String toJson() {
    StringBuilder json = new StringBuilder("{");
    json.append("\"type\":").append(quote(type.toString()));
    json.append(",\"title\":").append(quote(title));
    json.append(",\"status\":").append(status);
    json.append(",\"detail\":").append(quote(detail));
    json.append(",\"retryAfter\":").append(retryAfter);
    json.append(",\"violated-policies\":[");
    for (int i = 0; i < violatedPolicies.size(); i++) {
      json.append(i == 0 ? "" : ",").append(quote(violatedPolicies.get(i)));
    }
    return json.append("]}").toString();
  }

  private static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else if (c < 0x20) {
        quoted.append(String.format("\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }
}
