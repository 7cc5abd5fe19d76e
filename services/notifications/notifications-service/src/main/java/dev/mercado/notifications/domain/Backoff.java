package dev.mercado.notifications.domain;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "full jitter" (AWS Architecture Blog, "Exponential Backoff And Jitter"):
 * the pause before attempt {@code n + 1} is uniformly random in {@code [0, min(max, initial *
 * 2^(n-1))]}, so workers that failed together do not retry together.
 */
public record Backoff(Duration initial, Duration max) {

  public Backoff {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("backoff needs 0 < initial <= max");
    }
  }

  /** The pause after the {@code attempt}-th failed attempt (1 for the first). */
  public Duration after(int attempt, RandomGenerator random) {
    long ceiling = initial.toMillis();
    for (int i = 1; i < attempt && ceiling < max.toMillis(); i++) {
      ceiling *= 2;
    }
    ceiling = Math.min(ceiling, max.toMillis());
    return Duration.ofMillis(random.nextLong(ceiling + 1));
  }
}
