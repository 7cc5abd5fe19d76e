package dev.mercado.platform.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code mercado-observability-defaults.properties} as the last property source, so every
 * service gets the same tracing, propagation and metric settings and any of them can still be
 * overridden by the service's own configuration or the environment: trace every request (a teaching
 * system; lower it in production), export to Zipkin only when the launcher says where, observe
 * Kafka and AMQP producers and listeners, carry {@link Correlation#ORDER_ID} as baggage, keep JDBC
 * spans to queries, and histograms for the latency SLOs.
 */
public final class ObservabilityDefaults implements EnvironmentPostProcessor {

  static final String SOURCE = "mercado-observability-defaults.properties";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    try {
      environment
          .getPropertySources()
          .addLast(new ResourcePropertySource(SOURCE, new ClassPathResource(SOURCE)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SOURCE, e);
    }
  }
}
