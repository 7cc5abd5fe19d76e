package dev.mercado.payments.client;

import dev.mercado.payments.PaymentsProperties;
import dev.mercado.platform.resilience.DownstreamRetries;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The provider accounts: the primary at {@code mercado.payments.provider-url}, the alternative at
 * {@code mercado.payments.provider-fallback-url} when it is set, each with the policy of its
 * downstream name.
 */
@Configuration(proxyBeanMethods = false)
class PaymentProviderConfiguration {

  @Bean
  HttpPaymentProvider paymentProvider(
      PaymentsProperties properties,
      RestClient.Builder builder,
      DownstreamRetries retries,
      CircuitBreakerRegistry breakers,
      BulkheadRegistry bulkheads,
      MeterRegistry registry) {
    ProviderClient primary =
        new ProviderClient(
            ProviderPolicy.of(HttpPaymentProvider.PRIMARY, retries, breakers, bulkheads),
            properties.providerUrl(),
            properties.providerTimeout(),
            builder);
    ProviderClient fallback =
        properties.hasFallback()
            ? new ProviderClient(
                ProviderPolicy.of(HttpPaymentProvider.FALLBACK, retries, breakers, bulkheads),
                properties.providerFallbackUrl(),
                properties.providerTimeout(),
                builder)
            : null;
    return new HttpPaymentProvider(primary, fallback, registry);
  }
}
