/**
 * Payments' calls to the external payment provider over HTTP: one client per provider account (the
 * primary and an optional alternative), each behind its retry, circuit breaker, bulkhead and
 * timeouts (docs/patterns/circuit-breaker.md).
 */
package dev.mercado.payments.client;
