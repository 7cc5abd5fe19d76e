package dev.mercado.gateway.client;

import dev.mercado.gateway.GatewayProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every {@code lb://<service>} route picks its instance through {@link InstanceSelection}. */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClients(defaultConfiguration = InstanceSelection.class)
class LoadBalancingConfiguration {

  @Bean
  Outliers outliers(GatewayProperties gateway, MeterRegistry meters) {
    return new Outliers(
        gateway.outliers().consecutiveFailures(),
        gateway.outliers().ejection(),
        Clock.systemUTC(),
        meters);
  }
}
