package dev.mercado.platform.ratelimit;

import java.util.ArrayList;
import java.util.List;

/**
 * Each algorithm written straight from its textbook definition, as simply as possible and apart
 * from the production kernels: what a backend must decide, request by request, for one permit. Time
 * in µs from 0; rates kept exact by scaling with {@code n}.
 */
abstract class Oracle {

  final long n;
  final long w;
  final long c;

  Oracle(Limit limit) {
    n = limit.permits();
    w = limit.periodMicros();
    c = limit.capacity();
  }

  /** Admits or rejects one request at {@code t}; remembers it if admitted. */
  abstract boolean admit(long t);

  /** Leaky bucket: the admitted request's delay in the queue, µs (rounded up). */
  long lastDelay() {
    return 0;
  }

  static Oracle of(Limit limit) {
    switch (limit.algorithm()) {
      case TOKEN_BUCKET:
        return new Oracle(limit) {
          // tokens * w, refilled by n per µs, up to c * w: exact rational tokens
          long scaled = c * w;
          long last = Long.MIN_VALUE;

          @Override
          boolean admit(long t) {
            if (last != Long.MIN_VALUE) {
              scaled = Math.min(c * w, scaled + Math.min(t - last, c * w) * n);
            }
            last = t;
            if (scaled >= w) {
              scaled -= w;
              return true;
            }
            return false;
          }
        };
      case LEAKY_BUCKET:
        return new Oracle(limit) {
          // a single server taking w/n µs per request; requests wait in a queue of c places
          long finishTimesN; // the last admitted request's finish time, times n (time from 0)
          long delay;

          @Override
          boolean admit(long t) {
            long backlog = Math.max(0, finishTimesN - t * n); // time until idle, times n
            if (backlog > (c - 1) * w) {
              return false;
            }
            delay = -Math.floorDiv(-backlog, n);
            finishTimesN = t * n + backlog + w;
            return true;
          }

          @Override
          long lastDelay() {
            return delay;
          }
        };
      case FIXED_WINDOW:
        return new Oracle(limit) {
          long window = Long.MIN_VALUE;
          long count;

          @Override
          boolean admit(long t) {
            long k = Math.floorDiv(t, w);
            if (k != window) {
              window = k;
              count = 0;
            }
            if (count < n) {
              count++;
              return true;
            }
            return false;
          }
        };
      case SLIDING_LOG:
        return new Oracle(limit) {
          final List<Long> log = new ArrayList<>();

          @Override
          boolean admit(long t) {
            log.removeIf(at -> at <= t - w);
            if (log.size() < n) {
              log.add(t);
              return true;
            }
            return false;
          }
        };
      default:
        return new Oracle(limit) {
          final List<Long> admitted = new ArrayList<>();

          @Override
          boolean admit(long t) {
            long k = Math.floorDiv(t, w);
            long previous = admitted.stream().filter(at -> Math.floorDiv(at, w) == k - 1).count();
            long current = admitted.stream().filter(at -> Math.floorDiv(at, w) == k).count();
            long elapsed = t - k * w;
            // estimate = previous * (w - elapsed) / w + current; admit if estimate + 1 <= n
            if (previous * (w - elapsed) + (current + 1) * w <= n * w) {
              admitted.add(t);
              admitted.removeIf(at -> Math.floorDiv(at, w) < k - 1);
              return true;
            }
            return false;
          }
        };
    }
  }
}
