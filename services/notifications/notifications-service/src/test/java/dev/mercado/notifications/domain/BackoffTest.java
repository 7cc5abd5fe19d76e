package dev.mercado.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** R12: exponential backoff with full jitter, capped. */
class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));

  @Test
  void doublesTheCeilingPerAttemptUpToTheMaximum() {
    assertThat(backoff.after(1, highest())).isEqualTo(Duration.ofMillis(100));
    assertThat(backoff.after(2, highest())).isEqualTo(Duration.ofMillis(200));
    assertThat(backoff.after(4, highest())).isEqualTo(Duration.ofMillis(800));
    assertThat(backoff.after(5, highest())).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.after(60, highest())).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void spreadsPausesOverTheWholeRangeFromZero() {
    RandomGenerator random = new SplittableRandom(42);
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < 2_000; i++) {
      long pause = backoff.after(3, random).toMillis();
      assertThat(pause).isBetween(0L, 400L);
      min = Math.min(min, pause);
      max = Math.max(max, pause);
    }
    assertThat(min).isLessThan(40);
    assertThat(max).isGreaterThan(360);
  }

  @Test
  void rejectsAMaximumBelowTheInitialPause() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A generator that always draws the top of the range. */
  private static RandomGenerator highest() {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return Long.MAX_VALUE;
      }

      @Override
      public long nextLong(long bound) {
        return bound - 1;
      }
    };
  }
}
