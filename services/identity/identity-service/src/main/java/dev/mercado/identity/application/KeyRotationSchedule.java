package dev.mercado.identity.application;

import dev.mercado.identity.IdentityProperties;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Checks every {@code mercado.identity.key-rotation.check-interval} whether the active signing key
 * is due for rotation ({@code mercado.identity.key-rotation.period}), and retires expired keys.
 */
@Component
class KeyRotationSchedule implements SchedulingConfigurer {

  private final SigningKeys keys;
  private final IdentityProperties properties;

  KeyRotationSchedule(SigningKeys keys, IdentityProperties properties) {
    this.keys = keys;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(keys::rotateIfDue, properties.keyRotation().checkInterval());
  }
}
