package dev.mercado.platform.resilience;

/**
 * What a call is, as far as repeating it goes (R12). Only a call that is safe to repeat may be
 * retried: a retry of a call whose first attempt reached the downstream repeats its effect.
 */
public enum Idempotence {
  /** Repeating it changes nothing more: a read, a {@code PUT} of a whole state, a delete. */
  IDEMPOTENT,
  /**
   * An unsafe operation that carries an idempotency key ({@code Idempotency-Key}) the downstream
   * deduplicates on, so a repeat returns the first outcome.
   */
  KEYED,
  /** Anything else: a repeat may apply the effect twice (a charge, an e-mail, a new order). */
  NOT_IDEMPOTENT;

  /** Whether a retry of such a call can repeat no effect. */
  public boolean safeToRepeat() {
    return this != NOT_IDEMPOTENT;
  }
}
