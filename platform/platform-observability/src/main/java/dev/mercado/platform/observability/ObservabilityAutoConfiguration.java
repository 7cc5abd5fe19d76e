package dev.mercado.platform.observability;

import dev.mercado.platform.observability.internal.HousekeepingFilter;
import dev.mercado.platform.observability.internal.SqlStatements;
import dev.mercado.platform.observability.internal.TracedWork;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Provides {@link Correlation} on Spring Boot's tracer, or on a no-op tracer where tracing is off
 * (tests), so code that sets correlation fields runs the same either way; and keeps a service's
 * housekeeping out of its traces and metrics ({@link HousekeepingFilter}) and counts its SQL
 * statements ({@link SqlStatements}).
 */
@AutoConfiguration(
    afterName =
        "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration")
public class ObservabilityAutoConfiguration {

  @Bean
  Correlation correlation(ObjectProvider<Tracer> tracer) {
    return new Correlation(tracer.getIfAvailable(() -> Tracer.NOOP));
  }

  @Bean
  ObservationPredicate housekeepingFilter(
      ObjectProvider<Tracer> tracer, ObjectProvider<HousekeepingFilter.ActuatorRequests> actuator) {
    return new HousekeepingFilter(
        new TracedWork(tracer::getIfAvailable)::sampled,
        actuator.getIfAvailable(() -> context -> false));
  }

  /**
   * Every SQL statement counted, observed work apart from housekeeping (datasource-micrometer adds
   * every {@link QueryExecutionListener} bean to its proxy).
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(QueryExecutionListener.class)
  static class Jdbc {

    @Bean
    SqlStatements sqlStatements(MeterRegistry registry, ObjectProvider<Tracer> tracer) {
      return new SqlStatements(registry, new TracedWork(tracer::getIfAvailable)::observed);
    }
  }

  /** Servlet services tell a request to the actuator by its path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  static class Servlet {

    @Bean
    HousekeepingFilter.ActuatorRequests actuatorRequests(Environment environment) {
      String base =
          environment.getProperty("management.endpoints.web.base-path", "/actuator") + "/";
      return context ->
          context instanceof ServerRequestObservationContext request
              && request.getCarrier().getRequestURI().startsWith(base);
    }
  }
}
