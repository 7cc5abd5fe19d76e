package dev.mercado.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mercado.platform.problems.ProblemJson;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitProblemTest {

  private static final Limit LIMIT = Limit.parse("token-bucket 10/1s burst 20", "free");

  private static Decision rejected() {
    return new Decision(
        false,
        "catalog-read:free",
        "free-10ps",
        0,
        Duration.ofMillis(100),
        Duration.ofMillis(100),
        Duration.ZERO,
        List.of(new Quota(LIMIT, 0, Duration.ofMillis(100), true)),
        null);
  }

  @Test
  void aRejectionIs429QuotaExceededNamingTheLimit() {
    RateLimitProblem problem = RateLimitProblem.of(rejected());

    assertThat(problem.status()).isEqualTo(429);
    assertThat(problem.type()).isEqualTo(RateLimitProblem.QUOTA_EXCEEDED);
    assertThat(problem.title()).isEqualTo("Too many requests");
    assertThat(problem.detail())
        .isEqualTo(
            "Rate limit free-10ps (token-bucket, 10 per 1s, burst 20) of policy catalog-read:free"
                + " is exhausted; retry in 1 s.");
    assertThat(problem.retryAfter()).isEqualTo(1);
    assertThat(problem.violatedPolicies()).containsExactly("free-10ps");
    assertThat(problem.toProblemDetail("/api/v1/catalog/products").getProperties())
        .containsEntry("retryAfter", 1L)
        .containsEntry("violated-policies", List.of("free-10ps"));
  }

  @Test
  void rendersApplicationProblemJsonWithTheExtensionMembersAtTheTopLevel() {
    assertThat(ProblemJson.text(RateLimitProblem.of(rejected()).toProblemDetail("/api/v1/x")))
        .contains(
            "\"type\":\"https://iana.org/assignments/http-problem-types#quota-exceeded\"",
            "\"title\":\"Too many requests\"",
            "\"status\":429",
            "\"instance\":\"/api/v1/x\"",
            "\"retryAfter\":1",
            "\"violated-policies\":[\"free-10ps\"]");
  }

  @Test
  void aLimiterFailingClosedIs503TemporaryReducedCapacity() {
    Decision closed =
        Decision.failed(
            "catalog-read:free", FailureMode.CLOSED, "redis \"down\"", Duration.ofSeconds(1));

    RateLimitProblem problem = RateLimitProblem.of(closed);

    assertThat(problem.status()).isEqualTo(503);
    assertThat(problem.type()).isEqualTo(RateLimitProblem.TEMPORARY_REDUCED_CAPACITY);
    assertThat(problem.violatedPolicies()).isEmpty();
    assertThat(ProblemJson.text(problem.toProblemDetail(null))).contains("(redis \\\"down\\\")");
  }

  @Test
  void anAdmittedRequestHasNoProblem() {
    assertThatThrownBy(() -> RateLimitProblem.of(Decision.unlimited()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
