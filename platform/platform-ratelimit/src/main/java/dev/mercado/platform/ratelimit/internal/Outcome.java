package dev.mercado.platform.ratelimit.internal;

import dev.mercado.platform.ratelimit.Decision;
import dev.mercado.platform.ratelimit.Policy;
import dev.mercado.platform.ratelimit.Quota;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One limit's verdict on one request, in microseconds; both backends fill these and turn them into
 * a {@link Decision} the same way.
 */
final class Outcome {

  boolean ok;

  /** Permits left: after this request if all limits admit it, else as they are. */
  long remaining;

  /** Until {@code remaining} grows (0 at full capacity). */
  long reset;

  /** When this limit rejects: until it would admit the request. */
  long retry;

  /** Leaky bucket: how long the request waits in the queue. */
  long delay;

  Outcome set(boolean ok, long remaining, long reset, long retry, long delay) {
    this.ok = ok;
    this.remaining = Math.max(0, remaining);
    this.reset = Math.max(0, reset);
    this.retry = Math.max(0, retry);
    this.delay = Math.max(0, delay);
    return this;
  }

  /**
   * The decision over all limits of a policy: admitted only if every limit admitted; the deciding
   * limit is the first that rejected, or the one with the least remaining.
   */
  static Decision decision(Policy policy, Outcome[] outcomes) {
    boolean allowed = true;
    for (Outcome outcome : outcomes) {
      allowed &= outcome.ok;
    }
    List<Quota> quotas = new ArrayList<>(outcomes.length);
    int deciding = -1;
    long retry = 0;
    long delay = 0;
    for (int i = 0; i < outcomes.length; i++) {
      Outcome o = outcomes[i];
      quotas.add(
          new Quota(policy.limits().get(i), o.remaining, micros(o.reset), !allowed && !o.ok));
      if (allowed) {
        if (deciding < 0 || o.remaining < outcomes[deciding].remaining) {
          deciding = i;
        }
        delay = Math.max(delay, o.delay);
      } else if (!o.ok) {
        if (deciding < 0) {
          deciding = i;
        }
        retry = Math.max(retry, o.retry);
      }
    }
    Outcome d = outcomes[deciding];
    return new Decision(
        allowed,
        policy.name(),
        policy.limits().get(deciding).name(),
        d.remaining,
        micros(d.reset),
        micros(retry),
        micros(delay),
        quotas,
        null);
  }

  static Duration micros(long micros) {
    return micros == 0 ? Duration.ZERO : Duration.ofNanos(micros * 1000);
  }
}
