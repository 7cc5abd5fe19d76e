package dev.mercado.platform.ratelimit.internal;

/**
 * Token bucket: the level {@code L} counts tokens times the period ({@code 0..c*w}), so a refill of
 * {@code n} tokens per {@code w} µs adds exactly {@code n} per µs; a permit costs {@code w}. State:
 * {@code [L, t]} with {@code t} the time {@code L} was computed at. A new key's bucket is full.
 */
final class TokenBucket extends Kernel {

  static final TokenBucket INSTANCE = new TokenBucket();

  @Override
  int words() {
    return 2;
  }

  @Override
  void init(long[] s, int o, Spec spec, long now) {
    s[o] = spec.c * spec.w;
    s[o + 1] = now;
  }

  private static long level(long[] s, int o, Spec spec, long now) {
    long full = spec.c * spec.w;
    long elapsed = now - s[o + 1];
    if (elapsed <= 0) {
      return s[o];
    }
    if (elapsed >= ceilDiv(full - s[o], spec.n)) {
      return full;
    }
    return s[o] + elapsed * spec.n;
  }

  @Override
  void check(long[] s, int o, long[] log, Spec spec, long now, long permits, Outcome out) {
    long full = spec.c * spec.w;
    long level = level(s, o, spec, now);
    long need = permits * spec.w;
    boolean ok = level >= need;
    long after = ok ? level - need : level;
    long retry = ok ? 0 : ceilDiv(need - level, spec.n);
    long reset = after >= full ? 0 : ceilDiv((after / spec.w + 1) * spec.w - after, spec.n);
    out.set(ok, after / spec.w, reset, retry, 0);
  }

  @Override
  void commit(long[] s, int o, long[] log, Spec spec, long now, long permits) {
    s[o] = level(s, o, spec, now) - permits * spec.w;
    s[o + 1] = Math.max(s[o + 1], now);
  }

  @Override
  long idleAt(long[] s, int o, long[] log, Spec spec) {
    return s[o + 1] + ceilDiv(spec.c * spec.w - s[o], spec.n);
  }
}
