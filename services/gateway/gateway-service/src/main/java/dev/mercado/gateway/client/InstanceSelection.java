package dev.mercado.gateway.client;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The load-balancer configuration of every service (not a {@code @Configuration}: Spring Cloud
 * LoadBalancer instantiates it in each service's child context). Instances come from {@code
 * spring.cloud.discovery.client.simple.instances.<service>}; each is probed at {@code
 * spring.cloud.loadbalancer.health-check.path} every {@code .interval} and left out while its
 * readiness fails (active); {@link Outliers} leaves out those that keep failing requests (passive).
 * Round robin over what remains.
 */
class InstanceSelection {

  @Bean
  ServiceInstanceListSupplier healthyInstances(
      ConfigurableApplicationContext context, Outliers outliers) {
    return ServiceInstanceListSupplier.builder()
        .withDiscoveryClient()
        .withHealthChecks(WebClient.create())
        .with((ignored, delegate) -> new HealthyInstances(delegate, outliers))
        .build(context);
  }
}
