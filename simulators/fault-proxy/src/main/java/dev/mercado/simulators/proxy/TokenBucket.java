package dev.mercado.simulators.proxy;

/**
 * The bandwidth limit of one direction of one connection: a token bucket filled at the limit's rate
 * that holds at most 100 ms worth of bytes, and starts empty, so that sending {@code n} bytes takes
 * at least {@code n / rate} however they are split. Not thread-safe: one forwarding thread owns it.
 */
final class TokenBucket {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final long bytesPerSecond;
  private final long capacity;
  private double tokens;
  private long filledAt;

  /**
   * @param bytesPerSecond the rate, at least 1
   * @param now {@link System#nanoTime()} now
   */
  TokenBucket(long bytesPerSecond, long now) {
    if (bytesPerSecond < 1) {
      throw new IllegalArgumentException("a rate must be at least 1 byte/s, not " + bytesPerSecond);
    }
    this.bytesPerSecond = bytesPerSecond;
    this.capacity = Math.max(1, bytesPerSecond / 10);
    this.filledAt = now;
  }

  long bytesPerSecond() {
    return bytesPerSecond;
  }

  /** The most bytes to {@link #take} at once: 100 ms worth, at least 1, at most 1 MiB. */
  int burst() {
    return (int) Math.min(capacity, 1 << 20);
  }

  /**
   * Takes {@code bytes} tokens, going into debt if there are not enough.
   *
   * @param bytes at most {@link #burst()}
   * @param now {@link System#nanoTime()} now
   * @return how many nanoseconds to wait before sending them, 0 for at once
   */
  long take(int bytes, long now) {
    tokens =
        Math.min(capacity, tokens + (double) (now - filledAt) * bytesPerSecond / NANOS_PER_SECOND);
    filledAt = now;
    tokens -= bytes;
    return tokens >= 0 ? 0 : (long) Math.ceil(-tokens * NANOS_PER_SECOND / bytesPerSecond);
  }
}
