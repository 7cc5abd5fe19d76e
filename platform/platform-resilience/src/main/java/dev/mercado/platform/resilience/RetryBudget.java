package dev.mercado.platform.resilience;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A retry budget for one downstream, as a token bucket (AWS Builders' Library, "Timeouts, retries,
 * and backoff with jitter"): retries may add at most {@code ratio} extra load, plus a burst of
 * {@code capacity}, however many layers of callers fail at once.
 *
 * <ul>
 *   <li>The bucket starts full, with {@code capacity} tokens, and never holds more.
 *   <li>Every request, i.e. every call's first attempt, deposits {@code ratio} of a token ({@link
 *       #recordRequest()}); a deposit into a full bucket is lost.
 *   <li>Every retry withdraws one whole token ({@link #tryAcquireRetry()}); with less than one
 *       token in the bucket the retry is refused and counted ({@link #refused()}), and the caller
 *       fails with the error it has.
 * </ul>
 *
 * <p>So over any run, the retries allowed are at most {@code capacity + ratio * requests}: with the
 * default ratio 0.1, a downstream that fails every call sees at most about 1.1 times the calls it
 * would see without retries, instead of {@code max-attempts} times. Tokens are counted in
 * thousandths ({@code ratio} is rounded to the nearest 0.001). Thread-safe and lock-free: both
 * operations are a compare-and-set on one counter.
 */
public final class RetryBudget {

  private static final long MILLI = 1_000;

  private final double ratio;
  private final int capacity;
  private final long deposit;
  private final long full;
  private final AtomicLong milliTokens;
  private final LongAdder refused = new LongAdder();

  /**
   * @param ratio the share of a token each request deposits, in {@code [0.001, 1]}
   * @param capacity the most tokens the bucket holds, and the tokens it starts with, in {@code [1,
   *     1_000_000]}
   * @throws IllegalArgumentException if either is out of range
   */
  public RetryBudget(double ratio, int capacity) {
    if (!(ratio >= 0.001 && ratio <= 1)) {
      throw new IllegalArgumentException("retry budget ratio must be in [0.001, 1], was " + ratio);
    }
    if (capacity < 1 || capacity > 1_000_000) {
      throw new IllegalArgumentException(
          "retry budget capacity must be in [1, 1000000], was " + capacity);
    }
    this.ratio = ratio;
    this.capacity = capacity;
    this.deposit = Math.round(ratio * MILLI);
    this.full = capacity * MILLI;
    this.milliTokens = new AtomicLong(full);
  }

  /** Deposits {@code ratio} of a token for a request (a call's first attempt). */
  public void recordRequest() {
    milliTokens.accumulateAndGet(deposit, (tokens, added) -> Math.min(full, tokens + added));
  }

  /**
   * Withdraws one token for a retry if the bucket holds at least one.
   *
   * @return whether the retry may go ahead; {@code false} counts as {@linkplain #refused() refused}
   */
  public boolean tryAcquireRetry() {
    while (true) {
      long tokens = milliTokens.get();
      if (tokens < MILLI) {
        refused.increment();
        return false;
      }
      if (milliTokens.compareAndSet(tokens, tokens - MILLI)) {
        return true;
      }
    }
  }

  /** The tokens in the bucket now, between 0 and {@code capacity}. */
  public double tokens() {
    return milliTokens.get() / (double) MILLI;
  }

  /** How many retries this budget has refused. */
  public long refused() {
    return refused.sum();
  }

  /** The share of a token each request deposits. */
  public double ratio() {
    return ratio;
  }

  /** The most tokens the bucket holds. */
  public int capacity() {
    return capacity;
  }

  @Override
  public String toString() {
    return "RetryBudget[ratio=" + ratio + ", capacity=" + capacity + ", tokens=" + tokens() + "]";
  }
}
