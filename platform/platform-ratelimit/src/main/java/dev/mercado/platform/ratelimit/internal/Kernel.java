package dev.mercado.platform.ratelimit.internal;

import dev.mercado.platform.ratelimit.Algorithm;

/**
 * One algorithm's arithmetic over a few {@code long}s of state (plus, for the sliding log, a ring
 * of timestamps), in integer microseconds. Stateless; the caller holds the key's lock. {@code
 * check} never changes a decision-relevant value (the sliding log may drop expired entries); {@code
 * commit} charges the permits. The Lua script implements the same formulas.
 */
abstract class Kernel {

  /** How many longs of state this algorithm keeps per key. */
  abstract int words();

  /** The state of a key never seen, at {@code now}. */
  abstract void init(long[] s, int o, Spec spec, long now);

  /** Would {@code permits} pass at {@code now}? Writes the verdict into {@code out}. */
  abstract void check(long[] s, int o, long[] log, Spec spec, long now, long permits, Outcome out);

  /** Charges {@code permits} at {@code now} (only after every limit of the policy admitted). */
  abstract void commit(long[] s, int o, long[] log, Spec spec, long now, long permits);

  /** From when on the state equals that of a key never seen (then it may be dropped). */
  abstract long idleAt(long[] s, int o, long[] log, Spec spec);

  static Kernel of(Algorithm algorithm) {
    switch (algorithm) {
      case TOKEN_BUCKET:
        return TokenBucket.INSTANCE;
      case LEAKY_BUCKET:
        return LeakyBucket.INSTANCE;
      case FIXED_WINDOW:
        return FixedWindow.INSTANCE;
      case SLIDING_LOG:
        return SlidingLog.INSTANCE;
      default:
        return SlidingWindow.INSTANCE;
    }
  }

  /** {@code ceil(a / b)} for {@code b > 0}. */
  static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
