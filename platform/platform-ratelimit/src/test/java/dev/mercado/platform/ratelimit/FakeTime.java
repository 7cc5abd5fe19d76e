package dev.mercado.platform.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock the test moves by hand, in microseconds. */
public final class FakeTime implements TimeSource {

  /** A start on a whole hour (so on every window boundary up to a day's divisors). */
  public static final long START = 1_700_002_800_000_000L;

  private final AtomicLong micros = new AtomicLong(START);

  @Override
  public long micros() {
    return micros.get();
  }

  public void advance(Duration by) {
    advanceMicros(by.toNanos() / 1000);
  }

  public void advanceMicros(long by) {
    micros.addAndGet(by);
  }

  /** Moves to the next multiple of {@code period}, minus {@code before} µs. */
  public void toBoundaryOf(Duration period, long before) {
    long w = period.toNanos() / 1000;
    long now = micros.get();
    micros.set(Math.floorDiv(now, w) * w + w - before);
  }
}
