package dev.mercado.platform.health;

import dev.mercado.platform.health.internal.HealthCheckPostProcessor;
import dev.mercado.platform.health.internal.HealthDetailsFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the two health-check modes into a service ({@code mercado.health.mode}, see {@link
 * HealthCheckProperties}): every health indicator runs behind a check that times out, reports when
 * and how long it ran, and, in active mode, runs in the background and answers probes from its
 * cache; and the detail view for requests with the operators' token.
 */
@AutoConfiguration
@EnableConfigurationProperties(HealthCheckProperties.class)
public class HealthAutoConfiguration {

  /** Static: a post-processor must exist before the beans it wraps. */
  @Bean
  static HealthCheckPostProcessor healthCheckPostProcessor() {
    return new HealthCheckPostProcessor();
  }

  /** The detail view for operators, on servlet services. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "jakarta.servlet.Filter")
  static class Details {

    @Bean
    HealthDetailsFilter healthDetailsFilter(HealthCheckProperties properties) {
      return new HealthDetailsFilter(properties.detailsToken(), HealthCheckProperties.DETAILS_ROLE);
    }
  }
}
