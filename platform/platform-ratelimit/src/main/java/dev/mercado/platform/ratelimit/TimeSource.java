package dev.mercado.platform.ratelimit;

import dev.mercado.platform.ratelimit.internal.SystemTimeSource;

/**
 * Where a limiter reads the time: microseconds that never go backwards within a process. Tests
 * inject a fake to make every algorithm deterministic. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface TimeSource {

  /** The current time in microseconds. */
  long micros();

  /**
   * The system's time: microseconds since the Unix epoch taken once, then advanced by {@link
   * System#nanoTime()}, so fixed windows align with wall-clock seconds, minutes and hours and a
   * wall-clock step (NTP) never moves a limiter backwards.
   */
  static TimeSource system() {
    return SystemTimeSource.INSTANCE;
  }
}
