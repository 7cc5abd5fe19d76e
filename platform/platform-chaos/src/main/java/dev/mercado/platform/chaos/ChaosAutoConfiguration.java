package dev.mercado.platform.chaos;

import de.codecentric.spring.boot.chaos.monkey.configuration.ChaosMonkeyConfiguration;
import de.codecentric.spring.boot.chaos.monkey.configuration.ChaosMonkeySettings;
import dev.mercado.platform.chaos.internal.AssaultDeadline;
import dev.mercado.platform.chaos.internal.ChaosDeadlineEndpoint;
import dev.mercado.platform.chaos.internal.LoopbackOnlyFilter;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * With Chaos Monkey loaded (the {@value ChaosDefaults#PROFILE} profile): the deadline that ends
 * every assault by itself, its {@code chaosdeadline} Actuator endpoint, and the filter that lets
 * only loopback callers reach {@code /actuator/chaosmonkey/**} and {@code /actuator/chaosdeadline}
 * (F8, R6; docs/patterns/chaos.md). Without the profile none of this exists.
 */
@AutoConfiguration(after = ChaosMonkeyConfiguration.class)
@ConditionalOnBean(ChaosMonkeySettings.class)
@EnableConfigurationProperties(ChaosProperties.class)
public class ChaosAutoConfiguration {

  @Bean(destroyMethod = "close")
  AssaultDeadline chaosAssaultDeadline(ChaosMonkeySettings settings, ChaosProperties properties) {
    AssaultDeadline deadline =
        new AssaultDeadline(
            settings, properties.defaultDuration(), properties.maxDuration(), Clock.systemUTC());
    deadline.start(properties.checkInterval());
    return deadline;
  }

  @Bean
  ChaosDeadlineEndpoint chaosDeadlineEndpoint(AssaultDeadline deadline) {
    return new ChaosDeadlineEndpoint(deadline);
  }

  @Bean
  FilterRegistrationBean<LoopbackOnlyFilter> chaosLoopbackOnly(
      @Value("${management.endpoints.web.base-path:/actuator}") String actuator) {
    FilterRegistrationBean<LoopbackOnlyFilter> registration =
        new FilterRegistrationBean<>(new LoopbackOnlyFilter());
    registration.addUrlPatterns(
        actuator + "/chaosmonkey",
        actuator + "/chaosmonkey/*",
        actuator + "/" + ChaosDefaults.DEADLINE_ENDPOINT);
    return registration;
  }
}
