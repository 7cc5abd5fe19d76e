package dev.mercado.platform.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The answer to one request: admitted or not, why, and what the caller tells the client.
 *
 * @param allowed whether the request may proceed
 * @param policy the policy that decided (for several policies, the one that rejected or, if all
 *     admitted, the one with the least remaining); {@code null} when no policy applied
 * @param limit the deciding limit: the first that rejected, or, when admitted, the one with the
 *     least remaining; {@code null} when no limit applied or the backend failed
 * @param remaining that limit's remaining permits (see {@link Quota#remaining()})
 * @param reset that limit's time until {@code remaining} grows (see {@link Quota#reset()})
 * @param retryAfter when rejected: how long until this request would be admitted if nothing else
 *     came (every exceeded limit then has room; the limits that passed only regain permits as time
 *     goes); zero when admitted
 * @param delay when admitted by a {@link Algorithm#LEAKY_BUCKET leaky bucket}: how long the caller
 *     must hold the request before passing it on so that requests leave at the leak rate (a caller
 *     that passes it on at once turns the queue into a meter with the same admissions); zero
 *     otherwise
 * @param quotas every evaluated limit's state, for the {@code RateLimit} fields
 * @param failure why the backend could not decide (the decision then follows the {@link
 *     FailureMode}); {@code null} when it decided
 */
public record Decision(
    boolean allowed,
    String policy,
    String limit,
    long remaining,
    Duration reset,
    Duration retryAfter,
    Duration delay,
    List<Quota> quotas,
    String failure) {

  private static final Decision UNLIMITED =
      new Decision(
          true, null, null, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO, List.of(), null);

  public Decision {
    Objects.requireNonNull(reset, "reset");
    Objects.requireNonNull(retryAfter, "retryAfter");
    Objects.requireNonNull(delay, "delay");
    quotas = List.copyOf(quotas);
  }

  /** The answer when no policy applies: admitted, no quota to report. */
  public static Decision unlimited() {
    return UNLIMITED;
  }

  /**
   * The answer of a backend that could not decide, following its failure mode: admitted without
   * quotas ({@link FailureMode#OPEN}) or rejected, to be retried after {@code retryAfter} ({@link
   * FailureMode#CLOSED}).
   */
  public static Decision failed(
      String policy, FailureMode mode, String failure, Duration retryAfter) {
    Objects.requireNonNull(failure, "failure");
    boolean open = mode == FailureMode.OPEN;
    return new Decision(
        open,
        policy,
        null,
        0,
        Duration.ZERO,
        open ? Duration.ZERO : retryAfter,
        Duration.ZERO,
        List.of(),
        failure);
  }

  /** Whether the backend failed and the decision follows the failure mode. */
  public boolean degraded() {
    return failure != null;
  }

  /** The names of the limits that rejected the request (empty when admitted). */
  public List<String> violated() {
    List<String> names = new ArrayList<>();
    for (Quota quota : quotas) {
      if (quota.exceeded()) {
        names.add(quota.limit().name());
      }
    }
    return names;
  }

  /**
   * This decision and the next policy's, for a request that several policies apply to: admitted
   * only if both admitted; the deciding limit is the rejecting one or the one with the least
   * remaining; quotas of both are reported.
   */
  public Decision and(Decision next) {
    if (quotas.isEmpty() && failure == null && allowed) {
      return next;
    }
    if (next.quotas.isEmpty() && next.failure == null && next.allowed) {
      return this;
    }
    List<Quota> all = new ArrayList<>(quotas);
    all.addAll(next.quotas);
    Decision deciding;
    if (!allowed || !next.allowed) {
      deciding = !allowed ? this : next;
    } else {
      deciding = next.limit != null && (limit == null || next.remaining < remaining) ? next : this;
    }
    Duration longestDelay = delay.compareTo(next.delay) >= 0 ? delay : next.delay;
    String failures =
        failure == null
            ? next.failure
            : next.failure == null ? failure : failure + "; " + next.failure;
    return new Decision(
        allowed && next.allowed,
        deciding.policy,
        deciding.limit,
        deciding.remaining,
        deciding.reset,
        deciding.retryAfter,
        longestDelay,
        all,
        failures);
  }
}
