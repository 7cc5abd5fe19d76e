package dev.mercado.platform.ratelimit;

/**
 * What a limiter whose shared state is unreachable (Redis down or too slow) answers. Either way the
 * caller gets an answer within the backend's timeout and stays up; the decision says why ({@link
 * Decision#failure()}) and the limiter's health shows it degraded.
 */
public enum FailureMode {
  /**
   * Admit every request while the backend is unreachable (the default): the limiter protects
   * capacity, it is no security boundary, and rejecting all traffic would turn an outage of the
   * limiter's store into an outage of the whole API.
   */
  OPEN,
  /**
   * Reject every request while the backend is unreachable, with {@code 503} and {@code
   * Retry-After}: for limits that guard something that must never be exceeded (a paid third-party
   * quota, a fragile dependency).
   */
  CLOSED
}
