package dev.mercado.platform.resilience;

import dev.mercado.platform.resilience.internal.BackoffIntervals;
import dev.mercado.platform.resilience.internal.PerThreadRandom;
import io.github.resilience4j.core.IntervalBiFunction;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long to pause before each retry (R8), with the strategies of Marc Brooker's "Exponential
 * Backoff And Jitter" (AWS Architecture Blog, 2015) and the numbering of its simulator: retry
 * {@code n} is the {@code n}-th retry of one call ({@code n = 1} after the first failed attempt),
 * and {@code t(n) = min(cap, base * 2^n)} is the exponential ceiling, so the first exponential
 * pause is {@code 2 * base}.
 *
 * <table>
 *   <caption>pause before retry n</caption>
 *   <tr><th>strategy</th><th>pause</th></tr>
 *   <tr><td>{@link Strategy#NONE NONE}</td><td>0: retry at once</td></tr>
 *   <tr><td>{@link Strategy#CONSTANT CONSTANT}</td><td>{@code base}</td></tr>
 *   <tr><td>{@link Strategy#LINEAR LINEAR}</td><td>{@code min(cap, base * n)}</td></tr>
 *   <tr><td>{@link Strategy#EXPONENTIAL EXPONENTIAL}</td><td>{@code t(n)}</td></tr>
 *   <tr><td>{@link Strategy#EXPONENTIAL_FULL_JITTER EXPONENTIAL_FULL_JITTER}</td>
 *       <td>{@code random(0, t(n))}</td></tr>
 *   <tr><td>{@link Strategy#EXPONENTIAL_EQUAL_JITTER EXPONENTIAL_EQUAL_JITTER}</td>
 *       <td>{@code t(n)/2 + random(0, t(n)/2)}</td></tr>
 *   <tr><td>{@link Strategy#DECORRELATED_JITTER DECORRELATED_JITTER}</td>
 *       <td>{@code min(cap, random(base, 3 * previous))}, {@code previous} being the pause before
 *       the retry before ({@code base} for the first)</td></tr>
 * </table>
 *
 * <p>{@code random(a, b)} is uniform over {@code [a, b]}, both ends included, in nanoseconds. Every
 * pause lies in {@code [0, cap]}. Immutable and thread-safe: the methods that draw take the random
 * source as an argument, and the one state a strategy has (decorrelated jitter's previous pause)
 * lives in a {@link Sequence}, one per call. Pauses are computed to the nanosecond; the
 * Resilience4j adapter rounds them down to whole milliseconds, Resilience4j's unit.
 *
 * @param strategy how the pause grows from one retry to the next
 * @param base the unit of every strategy, positive
 * @param cap the longest pause, at least {@code base} and at most {@link #MAX_CAP}
 */
public record Backoff(Strategy strategy, Duration base, Duration cap) {

  /** The longest cap: one day, so that no arithmetic on pauses can overflow. */
  public static final Duration MAX_CAP = Duration.ofDays(1);

  /** The strategies of the table above. */
  public enum Strategy {
    /** Retry at once: no pause. */
    NONE,
    /** The same pause, {@code base}, before every retry. */
    CONSTANT,
    /** A pause that grows by {@code base} per retry, up to {@code cap}. */
    LINEAR,
    /** A pause that doubles per retry, up to {@code cap}; no randomness. */
    EXPONENTIAL,
    /** Uniform between zero and the exponential ceiling. */
    EXPONENTIAL_FULL_JITTER,
    /** Half the exponential ceiling, plus uniform up to the other half. */
    EXPONENTIAL_EQUAL_JITTER,
    /** Uniform between {@code base} and three times the previous pause, up to {@code cap}. */
    DECORRELATED_JITTER
  }

  /**
   * @throws IllegalArgumentException if {@code base} is not positive, or {@code cap} is below
   *     {@code base} or above {@link #MAX_CAP}
   */
  public Backoff {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(cap, "cap");
    if (base.isNegative() || base.isZero()) {
      throw new IllegalArgumentException("backoff base must be positive, was " + base);
    }
    if (cap.compareTo(base) < 0 || cap.compareTo(MAX_CAP) > 0) {
      throw new IllegalArgumentException(
          "backoff cap must be between base (" + base + ") and " + MAX_CAP + ", was " + cap);
    }
  }

  /** A backoff of {@code strategy} with {@code base} and {@code cap}. */
  public static Backoff of(Strategy strategy, Duration base, Duration cap) {
    return new Backoff(strategy, base, cap);
  }

  /**
   * The pause before retry {@code retry}. Pure: the same arguments and random draws give the same
   * pause.
   *
   * @param retry the retry's number, 1 for the first retry of a call
   * @param previous the pause before the previous retry ({@code base} for the first retry); only
   *     decorrelated jitter uses it, and reads a value below {@code base} as {@code base}
   * @param random the source of the random draws; used by the three jittered strategies only
   * @throws IllegalArgumentException if {@code retry} is below 1
   */
  public Duration pause(int retry, Duration previous, RandomGenerator random) {
    if (retry < 1) {
      throw new IllegalArgumentException("retries are numbered from 1, was " + retry);
    }
    long base = this.base.toNanos();
    long cap = this.cap.toNanos();
    long nanos =
        switch (strategy) {
          case NONE -> 0;
          case CONSTANT -> base;
          case LINEAR -> retry > cap / base ? cap : Math.min(cap, base * retry);
          case EXPONENTIAL -> ceiling(retry, base, cap);
          case EXPONENTIAL_FULL_JITTER -> uniform(0, ceiling(retry, base, cap), random);
          case EXPONENTIAL_EQUAL_JITTER -> {
            long ceiling = ceiling(retry, base, cap);
            yield (ceiling - ceiling / 2) + uniform(0, ceiling / 2, random);
          }
          case DECORRELATED_JITTER -> {
            long before = Math.max(base, Math.min(cap, previous.toNanos()));
            yield Math.min(cap, uniform(base, 3 * before, random));
          }
        };
    return Duration.ofNanos(nanos);
  }

  /**
   * A fresh sequence of pauses for one call, drawing from {@code random}. Use one sequence per call
   * and never share it between calls.
   */
  public Sequence sequence(RandomGenerator random) {
    return new Sequence(this, random);
  }

  /** A fresh sequence of pauses for one call, drawing from the calling thread's random source. */
  public Sequence sequence() {
    return sequence(PerThreadRandom.INSTANCE);
  }

  /**
   * This backoff as a Resilience4j interval function, for {@code
   * RetryConfig.custom().intervalBiFunction(...)}: Resilience4j's {@code attempt} (1 after the
   * first failed attempt) is the retry number {@code n}. Thread-safe; it draws from the calling
   * thread's random source.
   *
   * <p>Decorrelated jitter needs each call's previous pause. The retries that {@link
   * DownstreamRetries} builds keep it exactly, per call. A {@code Retry} built directly on this
   * function keeps it per thread: exact for synchronous retries (a call and its retries run on one
   * thread), while a call whose retries move between threads (asynchronous retries) or interleave
   * with another call's on one thread gets a pause drawn from the right distribution for its retry
   * number, from a fresh sequence, rather than from its own previous pause.
   */
  public <T> IntervalBiFunction<T> toIntervalBiFunction() {
    return toIntervalBiFunction(PerThreadRandom.INSTANCE);
  }

  /**
   * As {@link #toIntervalBiFunction()}, drawing from {@code random}, which must be thread-safe if
   * the retry runs on several threads (a seeded generator makes tests deterministic).
   */
  public <T> IntervalBiFunction<T> toIntervalBiFunction(RandomGenerator random) {
    return new BackoffIntervals<>(this, random, null);
  }

  /** {@code min(cap, base * 2^retry)} without overflow ({@code cap} is far below 2^62 ns). */
  private static long ceiling(int retry, long base, long cap) {
    if (retry >= 62 || base > (cap >> retry)) {
      return cap;
    }
    return Math.min(cap, base << retry);
  }

  private static long uniform(long low, long high, RandomGenerator random) {
    return high <= low ? low : low + random.nextLong(high - low + 1);
  }

  /**
   * The pauses of one call's retries, in order: the first {@link #next()} is the pause before retry
   * 1. Holds decorrelated jitter's previous pause. Not thread-safe: one sequence per call, used by
   * one thread at a time.
   */
  public static final class Sequence {

    private final Backoff backoff;
    private final RandomGenerator random;
    private int retries;
    private Duration previous;

    private Sequence(Backoff backoff, RandomGenerator random) {
      this.backoff = backoff;
      this.random = Objects.requireNonNull(random, "random");
      this.previous = backoff.base();
    }

    /** The pause before the next retry. */
    public Duration next() {
      retries++;
      previous = backoff.pause(retries, previous, random);
      return previous;
    }

    /** How many pauses this sequence has given. */
    public int retries() {
      return retries;
    }

    /** The backoff this sequence follows. */
    public Backoff backoff() {
      return backoff;
    }
  }
}
