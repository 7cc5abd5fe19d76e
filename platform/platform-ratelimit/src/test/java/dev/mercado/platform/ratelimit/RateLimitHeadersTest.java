package dev.mercado.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The IETF fields as draft-ietf-httpapi-ratelimit-headers-11 writes them. */
class RateLimitHeadersTest {

  private static final Limit PER_SECOND = Limit.parse("token-bucket 10/1s", "free");
  private static final Limit PER_HOUR = Limit.parse("sliding-window 1000/1h", "free");

  private static Decision admitted(Quota... quotas) {
    return new Decision(
        true,
        "catalog-read:free",
        quotas[0].limit().name(),
        quotas[0].remaining(),
        quotas[0].reset(),
        Duration.ZERO,
        Duration.ZERO,
        List.of(quotas),
        null);
  }

  @Test
  void anAdmittedRequestCarriesPolicyAndRemainingQuotaPerLimit() {
    Decision decision =
        admitted(
            new Quota(PER_SECOND, 3, Duration.ofMillis(100), false),
            new Quota(PER_HOUR, 977, Duration.ofMillis(2_400), false));

    assertThat(RateLimitHeaders.of(decision))
        .containsExactly(
            entry("RateLimit-Policy", "\"free-10ps\";q=10;w=1, \"free-1000ph\";q=1000;w=3600"),
            entry("RateLimit", "\"free-10ps\";r=3;t=1, \"free-1000ph\";r=977;t=3"));
  }

  @Test
  void aRejectedRequestAddsRetryAfterInWholeSecondsRoundedUp() {
    Quota exhausted = new Quota(PER_SECOND, 0, Duration.ofMillis(1_200), true);
    Decision rejected =
        new Decision(
            false,
            "catalog-read:free",
            "free-10ps",
            0,
            Duration.ofMillis(1_200),
            Duration.ofMillis(1_200),
            Duration.ZERO,
            List.of(exhausted),
            null);

    assertThat(RateLimitHeaders.of(rejected))
        .containsEntry("Retry-After", "2")
        .containsEntry("RateLimit", "\"free-10ps\";r=0;t=2");
    assertThat(RateLimitHeaders.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
    assertThat(RateLimitHeaders.retryAfterSeconds(Duration.ofSeconds(30))).isEqualTo(30);
  }

  @Test
  void windowsThatAreNotWholeSecondsAreStatedOverTheNextWholeSecond() {
    Quota halfSecond = new Quota(Limit.parse("fixed-window 5/500ms", "a"), 5, Duration.ZERO, false);
    Quota oneAndAHalf =
        new Quota(Limit.parse("fixed-window 3/1500ms", "b"), 3, Duration.ZERO, false);

    assertThat(RateLimitHeaders.policyField(List.of(halfSecond, oneAndAHalf)))
        .isEqualTo("\"a-5p500ms\";q=10;w=1, \"b-3p1500ms\";q=4;w=2");
  }

  @Test
  void noFieldsWithoutAQuotaToState() {
    assertThat(RateLimitHeaders.of(Decision.unlimited())).isEmpty();
    assertThat(
            RateLimitHeaders.of(
                Decision.failed("p", FailureMode.OPEN, "redis down", Duration.ofSeconds(1))))
        .isEmpty();
    assertThat(
            RateLimitHeaders.of(
                Decision.failed("p", FailureMode.CLOSED, "redis down", Duration.ofSeconds(1))))
        .containsExactly(entry("Retry-After", "1"));
  }

  private static java.util.Map.Entry<String, String> entry(String name, String value) {
    return java.util.Map.entry(name, value);
  }
}
