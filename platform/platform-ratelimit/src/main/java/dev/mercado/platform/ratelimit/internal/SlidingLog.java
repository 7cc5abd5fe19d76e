package dev.mercado.platform.ratelimit.internal;

/**
 * Sliding log: the times of the admitted permits of the last period, oldest first, in a ring that
 * grows up to {@code n} entries ({@link #fit}); state {@code [head, size]}. An entry at {@code t}
 * counts during {@code [t, t+w)}. Entries never go backwards: a new one is stamped no earlier than
 * the newest.
 */
final class SlidingLog extends Kernel {

  static final SlidingLog INSTANCE = new SlidingLog();

  @Override
  int words() {
    return 2;
  }

  @Override
  void init(long[] s, int o, Spec spec, long now) {
    s[o] = 0;
    s[o + 1] = 0;
  }

  /** Drops the entries that have left the window: changes no decision. */
  private static void expire(long[] s, int o, long[] log, Spec spec, long now) {
    long cutoff = now - spec.w;
    int head = (int) s[o];
    int size = (int) s[o + 1];
    while (size > 0 && log[head] <= cutoff) {
      head = (head + 1) % log.length;
      size--;
    }
    s[o] = head;
    s[o + 1] = size;
  }

  @Override
  void check(long[] s, int o, long[] log, Spec spec, long now, long permits, Outcome out) {
    expire(s, o, log, spec, now);
    int head = (int) s[o];
    long count = s[o + 1];
    boolean ok = count + permits <= spec.n;
    long after = ok ? count + permits : count;
    long retry = 0;
    if (!ok) {
      long leave = count + permits - spec.n;
      retry = log[(int) ((head + leave - 1) % log.length)] + spec.w - now;
    }
    long reset;
    if (after == 0) {
      reset = 0;
    } else if (count > 0) {
      reset = log[head] + spec.w - now;
    } else {
      reset = spec.w;
    }
    out.set(ok, spec.n - after, reset, retry, 0);
  }

  /** A ring's first size: it doubles as entries arrive, up to {@code n}. */
  static final int INITIAL = 8;

  /**
   * The ring, grown if {@code permits} more entries would not fit: memory follows the requests in
   * the window, at most {@code n} entries. Entries are moved to the front, oldest first.
   */
  static long[] fit(long[] s, int o, long[] log, Spec spec, long permits) {
    int size = (int) s[o + 1];
    if (size + permits <= log.length) {
      return log;
    }
    int length = (int) Math.min(spec.n, Math.max(size + permits, 2L * log.length));
    long[] grown = new long[length];
    int head = (int) s[o];
    for (int i = 0; i < size; i++) {
      grown[i] = log[(head + i) % log.length];
    }
    s[o] = 0;
    return grown;
  }

  @Override
  void commit(long[] s, int o, long[] log, Spec spec, long now, long permits) {
    expire(s, o, log, spec, now);
    int head = (int) s[o];
    int size = (int) s[o + 1];
    long stamp = size > 0 ? Math.max(now, log[(head + size - 1) % log.length]) : now;
    for (long i = 0; i < permits; i++) {
      log[(head + size) % log.length] = stamp;
      size++;
    }
    s[o + 1] = size;
  }

  @Override
  long idleAt(long[] s, int o, long[] log, Spec spec) {
    int size = (int) s[o + 1];
    if (size == 0) {
      return Long.MIN_VALUE;
    }
    return log[(int) ((s[o] + size - 1) % log.length)] + spec.w;
  }
}
