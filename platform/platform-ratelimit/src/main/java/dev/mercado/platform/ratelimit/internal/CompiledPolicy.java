package dev.mercado.platform.ratelimit.internal;

import dev.mercado.platform.ratelimit.Algorithm;
import dev.mercado.platform.ratelimit.Decision;
import dev.mercado.platform.ratelimit.Policy;

/** A policy laid out for the in-memory backend: each limit's kernel and its slice of the state. */
final class CompiledPolicy {

  final Policy policy;
  private final Spec[] specs;
  private final int[] offsets;
  private final int words;

  CompiledPolicy(Policy policy) {
    this.policy = policy;
    int count = policy.limits().size();
    specs = new Spec[count];
    offsets = new int[count];
    int next = 0;
    for (int i = 0; i < count; i++) {
      specs[i] = new Spec(policy.limits().get(i));
      offsets[i] = next;
      next += specs[i].kernel.words();
    }
    words = next;
  }

  KeyState newState(long now) {
    long[] state = new long[words];
    long[][] logs = new long[specs.length][];
    for (int i = 0; i < specs.length; i++) {
      specs[i].kernel.init(state, offsets[i], specs[i], now);
      if (specs[i].limit.algorithm() == Algorithm.SLIDING_LOG) {
        logs[i] = new long[(int) Math.min(specs[i].n, SlidingLog.INITIAL)];
      }
    }
    return new KeyState(state, logs);
  }

  /**
   * Checks every limit, then commits all of them or none. The caller holds the state's lock.
   * Updates the time from which the state may be dropped.
   */
  Decision decide(KeyState key, long now, int permits) {
    long[] s = key.words;
    Outcome[] outcomes = new Outcome[specs.length];
    boolean allowed = true;
    for (int i = 0; i < specs.length; i++) {
      Spec spec = specs[i];
      outcomes[i] = new Outcome();
      spec.kernel.check(s, offsets[i], key.logs[i], spec, now, permits, outcomes[i]);
      allowed &= outcomes[i].ok;
    }
    if (allowed) {
      long idleAt = Long.MIN_VALUE;
      for (int i = 0; i < specs.length; i++) {
        Spec spec = specs[i];
        if (key.logs[i] != null) {
          key.logs[i] = SlidingLog.fit(s, offsets[i], key.logs[i], spec, permits);
        }
        spec.kernel.commit(s, offsets[i], key.logs[i], spec, now, permits);
        idleAt = Math.max(idleAt, spec.kernel.idleAt(s, offsets[i], key.logs[i], spec));
      }
      key.idleAt = idleAt;
    } else {
      // nothing was charged: report every limit as it stands
      Outcome standing = new Outcome();
      for (int i = 0; i < specs.length; i++) {
        Spec spec = specs[i];
        spec.kernel.check(s, offsets[i], key.logs[i], spec, now, 0, standing);
        outcomes[i].remaining = standing.remaining;
        outcomes[i].reset = standing.reset;
      }
    }
    return Outcome.decision(policy, outcomes);
  }
}
