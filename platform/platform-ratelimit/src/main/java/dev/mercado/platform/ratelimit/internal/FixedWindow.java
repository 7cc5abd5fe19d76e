package dev.mercado.platform.ratelimit.internal;

/**
 * Fixed window: windows {@code [k*w, (k+1)*w)} aligned to the clock's origin; state {@code [k,
 * count]}. A count from an earlier window counts as zero.
 */
final class FixedWindow extends Kernel {

  static final FixedWindow INSTANCE = new FixedWindow();

  @Override
  int words() {
    return 2;
  }

  @Override
  void init(long[] s, int o, Spec spec, long now) {
    s[o] = Math.floorDiv(now, spec.w);
    s[o + 1] = 0;
  }

  @Override
  void check(long[] s, int o, long[] log, Spec spec, long now, long permits, Outcome out) {
    long window = Math.max(Math.floorDiv(now, spec.w), s[o]);
    long count = s[o] == window ? s[o + 1] : 0;
    long end = (window + 1) * spec.w - now;
    boolean ok = count + permits <= spec.n;
    long after = ok ? count + permits : count;
    out.set(ok, spec.n - after, after > 0 ? end : 0, ok ? 0 : end, 0);
  }

  @Override
  void commit(long[] s, int o, long[] log, Spec spec, long now, long permits) {
    long window = Math.max(Math.floorDiv(now, spec.w), s[o]);
    long count = s[o] == window ? s[o + 1] : 0;
    s[o] = window;
    s[o + 1] = count + permits;
  }

  @Override
  long idleAt(long[] s, int o, long[] log, Spec spec) {
    return (s[o] + 1) * spec.w;
  }
}
