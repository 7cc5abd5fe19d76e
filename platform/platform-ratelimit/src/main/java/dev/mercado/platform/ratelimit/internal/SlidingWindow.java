package dev.mercado.platform.ratelimit.internal;

/**
 * Sliding window counter: aligned windows as the fixed window, plus the previous window's count
 * weighted by the share of it the sliding window still covers. The weighted count {@code prev*(w-e)
 * + curr*w} is in permits times µs ({@code e}: time into the current window), so the test {@code
 * estimate + permits <= n} is exact in integers. State: {@code [k, curr, prev]}.
 */
final class SlidingWindow extends Kernel {

  static final SlidingWindow INSTANCE = new SlidingWindow();

  @Override
  int words() {
    return 3;
  }

  @Override
  void init(long[] s, int o, Spec spec, long now) {
    s[o] = Math.floorDiv(now, spec.w);
    s[o + 1] = 0;
    s[o + 2] = 0;
  }

  @Override
  void check(long[] s, int o, long[] log, Spec spec, long now, long permits, Outcome out) {
    long w = spec.w;
    long window = Math.max(Math.floorDiv(now, w), s[o]);
    long prev = previous(s, o, window);
    long curr = s[o] == window ? s[o + 1] : 0;
    long elapsed = Math.max(0, now - window * w);
    long weighted = prev * (w - elapsed) + curr * w;
    long cap = spec.n * w;
    long need = permits * w;
    boolean ok = weighted + need <= cap;
    long retry = 0;
    if (ok) {
      curr += permits;
      weighted += need;
    } else {
      retry = until(cap - need, prev, curr, elapsed, w);
    }
    long remaining = Math.max(0, (cap - weighted) / w);
    long reset = weighted <= 0 ? 0 : until(cap - (remaining + 1) * w, prev, curr, elapsed, w);
    out.set(ok, remaining, reset, retry, 0);
  }

  /**
   * How long until the weighted count drops to {@code target} without new requests: first the
   * previous window's weight shrinks; past the window's end the current count becomes the previous
   * one and shrinks in turn.
   */
  private static long until(long target, long prev, long curr, long elapsed, long w) {
    if (prev * (w - elapsed) + curr * w <= target) {
      return 0;
    }
    if (curr * w <= target) {
      long at = w - Math.floorDiv(target - curr * w, prev);
      return Math.max(0, at - elapsed);
    }
    return (w - elapsed) + (w - Math.floorDiv(target, curr));
  }

  private static long previous(long[] s, int o, long window) {
    if (s[o] == window) {
      return s[o + 2];
    }
    return s[o] == window - 1 ? s[o + 1] : 0;
  }

  @Override
  void commit(long[] s, int o, long[] log, Spec spec, long now, long permits) {
    long window = Math.max(Math.floorDiv(now, spec.w), s[o]);
    long prev = previous(s, o, window);
    long curr = s[o] == window ? s[o + 1] : 0;
    s[o] = window;
    s[o + 1] = curr + permits;
    s[o + 2] = prev;
  }

  @Override
  long idleAt(long[] s, int o, long[] log, Spec spec) {
    return (s[o] + 2) * spec.w;
  }
}
