package dev.mercado.identity.application;

import dev.mercado.identity.IdentityProperties;
import dev.mercado.platform.jobs.Jobs;
import java.time.Duration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Checks every {@code mercado.identity.key-rotation.check-interval} whether the active signing key
 * is due for rotation ({@code mercado.identity.key-rotation.period}), and retires expired keys. One
 * instance of a scaled identity checks at a time (platform-jobs); the rotation itself is serialised
 * by an advisory lock as well, so a key is never rotated twice.
 */
@Component
class KeyRotationSchedule implements SchedulingConfigurer {

  private final SigningKeys keys;
  private final IdentityProperties properties;
  private final Jobs jobs;

  KeyRotationSchedule(SigningKeys keys, IdentityProperties properties, Jobs jobs) {
    this.keys = keys;
    this.properties = properties;
    this.jobs = jobs;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(
        () -> jobs.runOnce("identity.key-rotation", Duration.ofMinutes(1), keys::rotateIfDue),
        properties.keyRotation().checkInterval());
  }
}
