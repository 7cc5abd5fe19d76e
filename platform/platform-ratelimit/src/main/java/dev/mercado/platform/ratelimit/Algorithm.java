package dev.mercado.platform.ratelimit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The five rate-limiting algorithms, each implemented to its textbook definition. A {@link Limit}
 * of {@code permits} per {@code period} means, for each:
 *
 * <ul>
 *   <li>{@link #TOKEN_BUCKET}: a bucket holds at most {@code capacity} tokens (the burst, default
 *       {@code permits}) and gains {@code permits} tokens per {@code period}, continuously; a
 *       request takes one token per permit or is rejected. Over any span {@code t} it admits at
 *       most {@code capacity + permits * t / period}.
 *   <li>{@link #LEAKY_BUCKET}: the bucket as a queue (Tanenbaum): it holds at most {@code capacity}
 *       requests (default {@code permits}) and lets them out at {@code permits} per {@code period},
 *       one after the other; a request that finds the bucket full is rejected, an admitted one is
 *       told how long to wait ({@link Decision#delay()}) so that requests leave at the leak rate.
 *   <li>{@link #FIXED_WINDOW}: at most {@code permits} per window, windows aligned to the clock
 *       ({@code [k * period, (k + 1) * period)}); up to twice that across a window boundary.
 *   <li>{@link #SLIDING_LOG}: a log of the admitted requests' times; at most {@code permits} in any
 *       window of length {@code period}, exactly.
 *   <li>{@link #SLIDING_WINDOW}: the sliding window counter: the current aligned window's count
 *       plus the previous window's count weighted by how much of it the sliding window still
 *       covers; at most {@code permits} per aligned window and at most {@code permits * (1 + t /
 *       period)} in any span {@code t <= period}.
 * </ul>
 */
public enum Algorithm {
  TOKEN_BUCKET("tb"),
  LEAKY_BUCKET("lb"),
  FIXED_WINDOW("fw"),
  SLIDING_LOG("sl"),
  SLIDING_WINDOW("sw");

  private final String code;

  Algorithm(String code) {
    this.code = code;
  }

  /** The name in configuration and documentation, e.g. {@code token-bucket}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** A two-letter code, part of the backends' state keys so a changed algorithm starts afresh. */
  public String code() {
    return code;
  }

  /** Whether the limit's capacity may differ from its permits (a bucket's size). */
  public boolean hasCapacity() {
    return this == TOKEN_BUCKET || this == LEAKY_BUCKET;
  }

  /**
   * The algorithm with this configuration name ({@code token-bucket}, ...), case-insensitive.
   *
   * @throws IllegalArgumentException naming the accepted names
   */
  public static Algorithm fromConfigName(String name) {
    for (Algorithm algorithm : values()) {
      if (algorithm.configName().equalsIgnoreCase(name)) {
        return algorithm;
      }
    }
    throw new IllegalArgumentException(
        "unknown algorithm '" + name + "' (expected one of " + configNames() + ")");
  }

  static String configNames() {
    return Arrays.stream(values()).map(Algorithm::configName).collect(Collectors.joining(", "));
  }
}
