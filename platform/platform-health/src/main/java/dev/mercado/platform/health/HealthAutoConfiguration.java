package dev.mercado.platform.health;

import dev.mercado.platform.health.internal.HealthCheckPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Wires the two health-check modes into a service ({@code mercado.health.mode}, see {@link
 * HealthCheckProperties}): every health indicator runs behind a check that times out, reports when
 * and how long it ran, and, in active mode, runs in the background and answers probes from its
 * cache.
 */
@AutoConfiguration
@EnableConfigurationProperties(HealthCheckProperties.class)
public class HealthAutoConfiguration {

  /** Static: a post-processor must exist before the beans it wraps. */
  @Bean
  static HealthCheckPostProcessor healthCheckPostProcessor() {
    return new HealthCheckPostProcessor();
  }
}
