package dev.mercado.payments.client;

/**
 * A provider answered 5xx: it failed, and whether it did anything is unknown (the simulator's
 * injected failures do nothing). Retried with the same {@code Idempotency-Key}, and recorded as a
 * failure by the provider's circuit breaker.
 */
final class ProviderFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ProviderFailure(String provider, int status, String operation) {
    super(provider + " answered " + status + " to " + operation, null, false, false);
  }
}
