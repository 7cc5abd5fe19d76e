package dev.mercado.platform.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Only with the {@value #PROFILE} profile (the one Chaos Monkey itself waits for; {@code ./mercado
 * up} sets it): adds {@code mercado-chaos-defaults.properties} as the last property source (monkey
 * on, no assault, watch {@code @Service} beans) and adds the {@code chaosmonkey} and {@value
 * #DEADLINE_ENDPOINT} endpoints to whatever the service exposes over HTTP. Without the profile it
 * changes nothing, and Chaos Monkey loads no bean at all: plain runs and the services' own tests
 * never see it (F8).
 */
public final class ChaosDefaults implements EnvironmentPostProcessor {

  /** The profile that loads Chaos Monkey for Spring Boot. */
  public static final String PROFILE = "chaos-monkey";

  /** The id of the Actuator endpoint that bounds an assault in time. */
  public static final String DEADLINE_ENDPOINT = "chaosdeadline";

  static final String SOURCE = "mercado-chaos-defaults.properties";
  static final String EXPOSURE = "management.endpoints.web.exposure.include";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
      return;
    }
    try {
      environment
          .getPropertySources()
          .addLast(new ResourcePropertySource(SOURCE, new ClassPathResource(SOURCE)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + SOURCE, e);
    }
    // the service's own list, whatever source it came from, plus the two chaos endpoints
    List<String> exposed =
        new ArrayList<>(
            Binder.get(environment)
                .bind(EXPOSURE, Bindable.listOf(String.class))
                .orElse(List.of("health")));
    for (String endpoint : List.of("chaosmonkey", DEADLINE_ENDPOINT)) {
      if (!exposed.contains(endpoint) && !exposed.contains("*")) {
        exposed.add(endpoint);
      }
    }
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "mercado-chaos-exposure", Map.of(EXPOSURE, String.join(",", exposed))));
  }
}
