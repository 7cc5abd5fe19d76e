package dev.mercado.platform.observability;

import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Provides {@link Correlation} on Spring Boot's tracer, or on a no-op tracer where tracing is off
 * (tests), so code that sets correlation fields runs the same either way.
 */
@AutoConfiguration(
    afterName =
        "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration")
public class ObservabilityAutoConfiguration {

  @Bean
  Correlation correlation(ObjectProvider<Tracer> tracer) {
    return new Correlation(tracer.getIfAvailable(() -> Tracer.NOOP));
  }
}
