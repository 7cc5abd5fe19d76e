package dev.mercado.platform.ratelimit.internal;

/**
 * Leaky bucket as a queue: the water {@code L} counts queued requests times the period ({@code
 * 0..c*w}) and drains {@code n} per µs, so requests leave one every {@code w/n} µs. An admitted
 * request leaves when the water ahead of it has drained: its delay is {@code L/n}. State: {@code
 * [L, t]}. A new key's bucket is empty.
 */
final class LeakyBucket extends Kernel {

  static final LeakyBucket INSTANCE = new LeakyBucket();

  @Override
  int words() {
    return 2;
  }

  @Override
  void init(long[] s, int o, Spec spec, long now) {
    s[o] = 0;
    s[o + 1] = now;
  }

  private static long level(long[] s, int o, Spec spec, long now) {
    long elapsed = now - s[o + 1];
    if (elapsed <= 0) {
      return s[o];
    }
    if (elapsed >= ceilDiv(s[o], spec.n)) {
      return 0;
    }
    return s[o] - elapsed * spec.n;
  }

  @Override
  void check(long[] s, int o, long[] log, Spec spec, long now, long permits, Outcome out) {
    long cap = spec.c * spec.w;
    long level = level(s, o, spec, now);
    long need = permits * spec.w;
    boolean ok = level + need <= cap;
    long after = ok ? level + need : level;
    long retry = ok ? 0 : ceilDiv(level + need - cap, spec.n);
    long delay = ok ? ceilDiv(level, spec.n) : 0;
    long remaining = (cap - after) / spec.w;
    long reset = after <= 0 ? 0 : ceilDiv(after - (cap - (remaining + 1) * spec.w), spec.n);
    out.set(ok, remaining, reset, retry, delay);
  }

  @Override
  void commit(long[] s, int o, long[] log, Spec spec, long now, long permits) {
    s[o] = level(s, o, spec, now) + permits * spec.w;
    s[o + 1] = Math.max(s[o + 1], now);
  }

  @Override
  long idleAt(long[] s, int o, long[] log, Spec spec) {
    return s[o + 1] + ceilDiv(s[o], spec.n);
  }
}
