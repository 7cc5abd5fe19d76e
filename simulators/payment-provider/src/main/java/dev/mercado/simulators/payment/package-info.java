/**
 * A simulator of the external card payment provider (authorize, capture, refund with {@code
 * Idempotency-Key}), run as its own process with an in-memory ledger that tests can inspect and
 * fault switches that tests and users flip to break it on purpose.
 */
package dev.mercado.simulators.payment;
