package dev.mercado.gateway.application;

import dev.mercado.gateway.GatewayProperties;
import dev.mercado.gateway.domain.ServiceDocuments;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link BffPages} with its deadline and cache from {@code mercado.gateway.bff.*}. */
@Configuration(proxyBeanMethods = false)
class BffConfiguration {

  @Bean
  BffPages pages(ServiceDocuments services, GatewayProperties gateway, MeterRegistry meters) {
    GatewayProperties.Bff properties = gateway.bff();
    return new BffPages(
        services,
        properties.deadline(),
        new LastKnownProducts(
            properties.cache().size(), properties.cache().maxAge(), Clock.systemUTC()),
        meters);
  }
}
