package dev.mercado.platform.ratelimit;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rate limit: at most {@code permits} per {@code period} under the rules of {@code algorithm}
 * (see {@link Algorithm} for what each promises). Immutable and validated on construction.
 *
 * <p>Written in configuration as {@code <algorithm> <permits>/<period> [burst <capacity>] [name
 * <name>]}, e.g. {@code token-bucket 10/1s burst 20} or {@code sliding-window 1000/1h}; the period
 * is a number and a unit ({@code ms}, {@code s}, {@code m}, {@code h}, {@code d}; {@code 10/s}
 * means {@code 10/1s}). See {@link #parse(String, String)}.
 *
 * @param name identifies the limit in headers ({@code RateLimit-Policy}), problem details, metrics
 *     and backend keys: letters, digits, {@code .}, {@code _} and {@code -}; unique within a policy
 * @param algorithm how the limit is enforced
 * @param permits the rate: permits per period (for the windows and the log, also the most admitted
 *     per window); at least 1
 * @param period the window length, or the period over which a bucket gains or leaks {@code
 *     permits}; at least 1 ms, whole microseconds
 * @param capacity {@link Algorithm#TOKEN_BUCKET}: the bucket size, i.e. the largest burst; {@link
 *     Algorithm#LEAKY_BUCKET}: how many requests the queue holds; for the other algorithms always
 *     equal to {@code permits}
 */
public record Limit(
    String name, Algorithm algorithm, long permits, Duration period, long capacity) {

  /**
   * Both backends compute in integer microseconds, Redis's Lua in doubles: every product of a count
   * and a period stays below 2^53 so that arithmetic is exact in both.
   */
  static final long EXACT = 1L << 53;

  /** A sliding log keeps one timestamp per admitted permit: beyond this, use a sliding window. */
  public static final long MAX_LOG_PERMITS = 10_000;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern SYNTAX =
      Pattern.compile(
          "\\s*([a-zA-Z-]+)\\s+(\\d+)\\s*/\\s*(\\d*)\\s*(ms|s|m|h|d)"
              + "(?:\\s+burst\\s+(\\d+))?(?:\\s+name\\s+(\\S+))?\\s*");

  public Limit {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(period, "period");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "limit name '" + name + "' must be 1 to 64 letters, digits, '.', '_' or '-'");
    }
    if (permits < 1) {
      throw new IllegalArgumentException("limit " + name + ": permits must be at least 1");
    }
    if (period.compareTo(Duration.ofMillis(1)) < 0 || period.toNanos() % 1000 != 0) {
      throw new IllegalArgumentException(
          "limit " + name + ": the period must be at least 1 ms, in whole microseconds");
    }
    if (!algorithm.hasCapacity() && capacity != permits) {
      throw new IllegalArgumentException(
          "limit "
              + name
              + ": burst applies to token-bucket and leaky-bucket only ("
              + algorithm.configName()
              + " admits at most its permits per window)");
    }
    if (capacity < 1) {
      throw new IllegalArgumentException("limit " + name + ": burst must be at least 1");
    }
    long micros = period.toNanos() / 1000;
    if (Math.max(permits, capacity) > EXACT / micros) {
      throw new IllegalArgumentException(
          "limit " + name + ": permits (or burst) times the period in µs must stay below 2^53");
    }
    if (algorithm == Algorithm.SLIDING_LOG && permits > MAX_LOG_PERMITS) {
      throw new IllegalArgumentException(
          "limit "
              + name
              + ": a sliding log keeps one entry per permit; at most "
              + MAX_LOG_PERMITS
              + " (use sliding-window for larger limits)");
    }
  }

  /** A limit whose capacity equals its permits (the default burst or queue). */
  public static Limit of(String name, Algorithm algorithm, long permits, Duration period) {
    return new Limit(name, algorithm, permits, period, permits);
  }

  /** This limit with another capacity: a token bucket's burst or a leaky bucket's queue. */
  public Limit withCapacity(long capacity) {
    return new Limit(name, algorithm, permits, period, capacity);
  }

  /**
   * One instance's share of this limit when {@code instances} instances keep it apart: permits and
   * capacity divided, rounded up, at least 1 each (the window stays). Rounding up errs towards
   * admitting: 10/1s over 3 instances is 4/1s each.
   */
  public Limit sharedBy(int instances) {
    if (instances < 1) {
      throw new IllegalArgumentException("limit " + name + ": instances must be at least 1");
    }
    if (instances == 1) {
      return this;
    }
    long share = (permits + instances - 1) / instances;
    return new Limit(
        name,
        algorithm,
        share,
        period,
        algorithm.hasCapacity() ? (capacity + instances - 1) / instances : share);
  }

  /**
   * Reads the compact syntax {@code <algorithm> <permits>/<period> [burst <capacity>] [name
   * <name>]}.
   *
   * @param text e.g. {@code token-bucket 10/1s burst 20}
   * @param namePrefix when the text names no limit, the name is this prefix, a dash and the rate,
   *     e.g. {@code free-10ps} for {@code 10/1s}, {@code free-1000ph} for {@code 1000/1h}, {@code
   *     free-5p10s} for {@code 5/10s}
   * @throws IllegalArgumentException saying what is wrong
   */
  public static Limit parse(String text, String namePrefix) {
    Matcher m = SYNTAX.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a limit: expected '<algorithm> <permits>/<period> [burst <n>] [name"
              + " <name>]', e.g. 'token-bucket 10/1s burst 20'");
    }
    Algorithm algorithm = Algorithm.fromConfigName(m.group(1));
    long permits = parseCount(m.group(2), text);
    long amount = m.group(3).isEmpty() ? 1 : parseCount(m.group(3), text);
    String unit = m.group(4).toLowerCase(Locale.ROOT);
    Duration period = period(amount, unit);
    long capacity = m.group(5) == null ? permits : parseCount(m.group(5), text);
    String name =
        m.group(6) != null
            ? m.group(6)
            : namePrefix + "-" + permits + "p" + (amount == 1 ? "" : Long.toString(amount)) + unit;
    return new Limit(name, algorithm, permits, period, capacity);
  }

  /** The period in microseconds, the backends' unit of time. */
  public long periodMicros() {
    return period.toNanos() / 1000;
  }

  /** The limit in the compact syntax, e.g. {@code token-bucket 10/1s burst 20 name free-10ps}. */
  public String describe() {
    return algorithm.configName()
        + " "
        + permits
        + "/"
        + formatPeriod(period)
        + (algorithm.hasCapacity() && capacity != permits ? " burst " + capacity : "")
        + " name "
        + name;
  }

  /** A period as written in the compact syntax: {@code 1s}, {@code 500ms}, {@code 1h}. */
  static String formatPeriod(Duration period) {
    long millis = period.toMillis();
    if (period.toNanos() % 1_000_000 != 0) {
      return period.toNanos() / 1000 + "us";
    }
    long[] sizes = {86_400_000, 3_600_000, 60_000, 1000};
    String[] units = {"d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (millis % sizes[i] == 0) {
        return millis / sizes[i] + units[i];
      }
    }
    return millis + "ms";
  }

  private static Duration period(long amount, String unit) {
    switch (unit) {
      case "ms":
        return Duration.ofMillis(amount);
      case "s":
        return Duration.ofSeconds(amount);
      case "m":
        return Duration.ofMinutes(amount);
      case "h":
        return Duration.ofHours(amount);
      default:
        return Duration.ofDays(amount);
    }
  }

  private static long parseCount(String digits, String text) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "': " + digits + " is too large", e);
    }
  }
}
