package dev.mercado.payments;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of payments, under {@code mercado.payments}.
 *
 * @param providerUrl base URL of the payment provider (the launcher points it at the simulator)
 * @param providerTimeout how long one call to the provider may take (default 2 s)
 * @param providerAttempts calls per operation before giving up (default 3; the only layer that
 *     retries the provider, always with the same idempotency key)
 * @param providerBackoff pause before the second attempt, doubled for each next one (default 200
 *     ms)
 */
@ConfigurationProperties("mercado.payments")
public record PaymentsProperties(
    @DefaultValue("http://127.0.0.1:8090") String providerUrl,
    @DefaultValue("2s") Duration providerTimeout,
    @DefaultValue("3") int providerAttempts,
    @DefaultValue("200ms") Duration providerBackoff) {}
