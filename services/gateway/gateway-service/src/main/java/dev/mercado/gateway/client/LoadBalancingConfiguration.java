package dev.mercado.gateway.client;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every {@code lb://<service>} route picks its instance through {@link InstanceSelection}. */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = InstanceSelection.class)
class LoadBalancingConfiguration {

  @Bean
  Outliers outliers(
      @Value("${mercado.gateway.outliers.consecutive-failures:3}") int consecutiveFailures,
      @Value("${mercado.gateway.outliers.ejection:10s}") Duration ejection,
      MeterRegistry meters) {
    return new Outliers(consecutiveFailures, ejection, Clock.systemUTC(), meters);
  }
}
