package dev.mercado.gateway.client;

import java.util.List;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.DelegatingServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/** The instances the active readiness probes pass, minus those {@link Outliers} ejected. */
final class HealthyInstances extends DelegatingServiceInstanceListSupplier {

  private final Outliers outliers;

  HealthyInstances(ServiceInstanceListSupplier delegate, Outliers outliers) {
    super(delegate);
    this.outliers = outliers;
  }

  @Override
  public Flux<List<ServiceInstance>> get() {
    return getDelegate().get().map(outliers::admit);
  }
}
