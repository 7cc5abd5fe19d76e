package dev.mercado.platform.resilience;

import dev.mercado.platform.resilience.internal.DownstreamRetryMetrics;
import dev.mercado.platform.resilience.internal.RetryBudgetMetrics;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the per-downstream retry policies ({@code mercado.resilience.downstreams.*}, see {@link
 * ResilienceProperties}) into a service: one {@link DownstreamRetries} to ask for each downstream's
 * Resilience4j retry, and, when Micrometer is present, the retry budgets' meters and Resilience4j's
 * {@code resilience4j.retry.calls} for those retries. Invalid settings fail the start-up.
 */
@AutoConfiguration
@EnableConfigurationProperties(ResilienceProperties.class)
public class ResilienceAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  DownstreamRetries downstreamRetries(ResilienceProperties properties) {
    return new DownstreamRetries(properties);
  }

  /** Bound to the service's registry by Spring Boot's metrics support. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
  static class Metrics {

    @Bean
    RetryBudgetMetrics retryBudgetMetrics(DownstreamRetries retries) {
      return new RetryBudgetMetrics(retries);
    }

    @Bean
    DownstreamRetryMetrics downstreamRetryMetrics(DownstreamRetries retries) {
      return new DownstreamRetryMetrics(retries);
    }
  }
}
