package dev.mercado.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LimitTest {

  @Test
  void readsTheCompactSyntaxWithADefaultName() {
    assertThat(Limit.parse("token-bucket 10/1s burst 20", "free"))
        .isEqualTo(new Limit("free-10ps", Algorithm.TOKEN_BUCKET, 10, Duration.ofSeconds(1), 20));
    assertThat(Limit.parse("sliding-window 1000/1h", "free"))
        .isEqualTo(Limit.of("free-1000ph", Algorithm.SLIDING_WINDOW, 1000, Duration.ofHours(1)));
    assertThat(Limit.parse("Fixed-Window 5/10s name five", "x"))
        .isEqualTo(Limit.of("five", Algorithm.FIXED_WINDOW, 5, Duration.ofSeconds(10)));
  }

  @ParameterizedTest
  @CsvSource({
    "leaky-bucket 3/s, p-3ps, PT1S",
    "sliding-log 7/500ms, p-7p500ms, PT0.5S",
    "fixed-window 2/1m, p-2pm, PT1M",
    "sliding-window 100/1d, p-100pd, PT24H",
    "token-bucket 9/10s, p-9p10s, PT10S"
  })
  void namesAndPeriods(String text, String name, Duration period) {
    Limit limit = Limit.parse(text, "p");

    assertThat(limit.name()).isEqualTo(name);
    assertThat(limit.period()).isEqualTo(period);
  }

  @Test
  void describesItselfInTheSyntaxItIsReadFrom() {
    Limit limit = Limit.parse("leaky-bucket 5/500ms burst 9", "q");

    assertThat(limit.describe()).isEqualTo("leaky-bucket 5/500ms burst 9 name q-5p500ms");
    assertThat(Limit.parse(limit.describe(), "other")).isEqualTo(limit);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "token-buckt 10/1s | unknown algorithm 'token-buckt' (expected one of token-bucket,"
            + " leaky-bucket, fixed-window, sliding-log, sliding-window)",
        "token-bucket 10 per second | is not a limit",
        "fixed-window 10/1s burst 20 | burst applies to token-bucket and leaky-bucket only",
        "sliding-window 0/1s | permits must be at least 1",
        "token-bucket 10/0s | the period must be at least 1 ms",
        "sliding-log 20000/1h | a sliding log keeps one entry per permit; at most 10000",
        "token-bucket 10/1s name bad/name | limit name 'bad/name' must be",
        "sliding-window 100000000/1d | must stay below 2^53"
      })
  void refusesWhatItCannotEnforceSayingWhy(String text, String message) {
    assertThatThrownBy(() -> Limit.parse(text, "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message.trim());
  }

  @Test
  void aPolicyNeedsDistinctlyNamedLimits() {
    Limit limit = Limit.parse("token-bucket 1/1s", "a");

    assertThatThrownBy(() -> Policy.of("twice", limit, limit))
        .hasMessageContaining("two limits named a-1ps");
    assertThatThrownBy(() -> Policy.of("none")).hasMessageContaining("at least one limit");
    assertThat(Policy.of("p", limit, Limit.parse("token-bucket 5/1s burst 3", "b")).maxPermits())
        .isEqualTo(1);
  }
}
