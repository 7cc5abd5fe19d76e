package dev.mercado.platform.ratelimit;

import dev.mercado.platform.ratelimit.internal.MemoryRateLimiter;
import dev.mercado.platform.ratelimit.internal.RateLimiterHealthIndicator;
import dev.mercado.platform.ratelimit.internal.RedisRateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * Wires rate limiting into a service ({@code mercado.ratelimit}, see {@link RateLimitProperties}):
 * the backend ({@link RateLimiter}, in memory unless {@code backend=redis}), the configured
 * policies ({@link RateLimits}) and, with Actuator, the {@code rateLimiter} health component.
 * Callers enforce decisions themselves (a gateway filter, a servlet filter), using {@link
 * RateLimitHeaders} and {@link RateLimitProblem} for the response.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "mercado.ratelimit.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitAutoConfiguration {

  /** Named so as not to clash with Spring Cloud Gateway's own rate limiter beans. */
  @Bean
  @ConditionalOnMissingBean(RateLimiter.class)
  RateLimiter mercadoRateLimiter(RateLimitProperties properties) {
    if (properties.backend() == RateLimitProperties.Backend.REDIS) {
      if (!ClassUtils.isPresent("io.lettuce.core.RedisClient", getClass().getClassLoader())) {
        throw new IllegalStateException(
            "mercado.ratelimit.backend=redis needs io.lettuce:lettuce-core on the classpath");
      }
      return new RedisRateLimiter(properties.redis(), null);
    }
    return new MemoryRateLimiter(
        TimeSource.system(), properties.memory().maxKeys(), properties.memory().sweepInterval());
  }

  @Bean
  @ConditionalOnMissingBean
  RateLimits rateLimits(
      RateLimiter limiter, RateLimitProperties properties, ObjectProvider<MeterRegistry> meters) {
    return new RateLimits(
        limiter, properties.tieredPolicies(), properties.defaultTier(), meters.getIfAvailable());
  }

  /** The {@code rateLimiter} health component, for services with Actuator. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  static class Health {

    @Bean
    @ConditionalOnMissingBean(name = "rateLimiterHealthIndicator")
    RateLimiterHealthIndicator rateLimiterHealthIndicator(RateLimiter limiter) {
      return new RateLimiterHealthIndicator(limiter);
    }
  }
}
