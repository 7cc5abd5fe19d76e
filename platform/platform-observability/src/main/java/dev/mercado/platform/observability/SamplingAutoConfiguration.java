package dev.mercado.platform.observability;

import brave.sampler.Sampler;
import dev.mercado.platform.observability.internal.CappedSampler;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Brave's sampler for every service: Spring Boot's share of new traces ({@code
 * management.tracing.sampling.probability}), capped at {@link
 * TracingProperties#maxTracesPerSecond()} a second. Runs before Boot's Brave configuration, whose
 * own sampler then stands back.
 */
@AutoConfiguration(
    beforeName =
        "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration")
@ConditionalOnClass(Sampler.class)
@EnableConfigurationProperties(TracingProperties.class)
public class SamplingAutoConfiguration {

  /** Spring Boot's own default share, where nothing sets one. */
  private static final float BOOT_DEFAULT_PROBABILITY = 0.1f;

  @Bean
  Sampler braveSampler(Environment environment, TracingProperties tracing) {
    float probability =
        environment.getProperty(
            "management.tracing.sampling.probability", Float.class, BOOT_DEFAULT_PROBABILITY);
    return new CappedSampler(probability, tracing.maxTracesPerSecond());
  }
}
