package dev.mercado.gateway.application;

import dev.mercado.gateway.domain.ServiceDocuments;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link Storefront} with its deadline and cache from {@code mercado.gateway.bff.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BffProperties.class)
class StorefrontConfiguration {

  @Bean
  Storefront storefront(ServiceDocuments services, BffProperties properties, MeterRegistry meters) {
    return new Storefront(
        services,
        properties.deadline(),
        new LastKnownProducts(
            properties.cache().size(), properties.cache().maxAge(), Clock.systemUTC()),
        meters);
  }
}
