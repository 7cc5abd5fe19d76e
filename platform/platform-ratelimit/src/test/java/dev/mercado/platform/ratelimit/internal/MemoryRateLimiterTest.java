package dev.mercado.platform.ratelimit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercado.platform.ratelimit.Limit;
import dev.mercado.platform.ratelimit.Policy;
import dev.mercado.platform.ratelimit.RateLimiter;
import dev.mercado.platform.ratelimit.RateLimiterContract;
import dev.mercado.platform.ratelimit.TimeSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The contract in memory, plus how the backend keeps its memory bounded. */
class MemoryRateLimiterTest extends RateLimiterContract {

  private static final Policy TWO_LIMITS =
      Policy.of(
          "mem", Limit.parse("token-bucket 10/1s", "m"), Limit.parse("sliding-log 100/1m", "m"));

  @Override
  protected RateLimiter newLimiter(TimeSource time) {
    return new MemoryRateLimiter(time, 10_000, Duration.ZERO);
  }

  private MemoryRateLimiter memory() {
    return (MemoryRateLimiter) limiter;
  }

  @Test
  void dropsIdleKeysOnceTheirStateEqualsAFreshOne() {
    for (int i = 0; i < 1000; i++) {
      limiter.tryAcquire(TWO_LIMITS, "idle-" + i);
    }
    assertThat(memory().size()).isEqualTo(1000);

    time.advance(Duration.ofSeconds(59));
    assertThat(memory().sweep()).as("the log still holds each key's request").isZero();
    time.advance(Duration.ofSeconds(1));
    assertThat(memory().sweep()).isEqualTo(1000);

    assertThat(memory().size()).isZero();
    assertThat(limiter.tryAcquire(TWO_LIMITS, "idle-1").remaining()).isEqualTo(9);
  }

  @Test
  void keepsKeysThatAreStillActive() {
    limiter.tryAcquire(TWO_LIMITS, "quiet");
    time.advance(Duration.ofSeconds(30));
    limiter.tryAcquire(TWO_LIMITS, "busy");
    time.advance(Duration.ofSeconds(31));

    memory().sweep();

    assertThat(memory().size()).isEqualTo(1);
    assertThat(limiter.tryAcquire(TWO_LIMITS, "busy").quotas().get(1).remaining()).isEqualTo(98);
  }

  @Test
  void aFloodOfDistinctKeysStaysWithinTheMaximum() {
    try (MemoryRateLimiter small = new MemoryRateLimiter(time, 100, Duration.ZERO)) {
      for (int i = 0; i < 5000; i++) {
        assertThat(small.tryAcquire(TWO_LIMITS, "flood-" + i).allowed()).isTrue();
      }

      assertThat(small.size()).isLessThanOrEqualTo(100);
    }
  }

  @Test
  void isNeverDegraded() {
    limiter.tryAcquire(TWO_LIMITS, "one");

    assertThat(limiter.health().degraded()).isFalse();
    assertThat(limiter.health().details()).containsEntry("keys", 1);
    assertThat(limiter.backend()).isEqualTo("memory");
  }
}
