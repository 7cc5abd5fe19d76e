package dev.mercado.payments;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of payments, under {@code mercado.payments}. How calls to the providers are retried,
 * broken and bounded is set per downstream ({@code payment-provider}, {@code
 * payment-provider-fallback}) under {@code mercado.resilience.downstreams.<name>.retry}, {@code
 * resilience4j.circuitbreaker.instances.<name>} and {@code resilience4j.bulkhead.instances.<name>}
 * (docs/patterns/circuit-breaker.md).
 *
 * @param providerUrl base URL of the payment provider (the launcher points it at the simulator)
 * @param providerFallbackUrl base URL of an alternative provider account with the same API, used
 *     for authorizations while the primary's circuit breaker is open, its bulkhead is full, or it
 *     failed after its retries; none by default (blank means none)
 * @param providerTimeout how long one attempt may take to connect, and then to get its answer
 *     (default 2 s); the time bound of every call to either provider
 * @param reconciliation how payments are checked against the providers' ledgers
 */
@ConfigurationProperties("mercado.payments")
public record PaymentsProperties(
    @DefaultValue("http://127.0.0.1:8090") String providerUrl,
    String providerFallbackUrl,
    @DefaultValue("2s") Duration providerTimeout,
    @DefaultValue ReconciliationSchedule reconciliation) {

  /**
   * @param interval between two rounds (default 30 s; read by the schedule itself)
   * @param settle how long ago a payment must have been decided to be checked (default 30 s)
   * @param batch payments checked per round at most (default 50)
   */
  public record ReconciliationSchedule(
      @DefaultValue("30s") Duration interval,
      @DefaultValue("30s") Duration settle,
      @DefaultValue("50") int batch) {}

  /** Whether an alternative provider is configured. */
  public boolean hasFallback() {
    return providerFallbackUrl != null && !providerFallbackUrl.isBlank();
  }
}
