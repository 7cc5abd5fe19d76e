package dev.mercado.platform.health.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Runs its check at every probe (R2, passive): always fresh, and every probe costs a check. */
public final class PassiveCheck implements HealthIndicator {

  private final CheckRunner runner;

  public PassiveCheck(CheckRunner runner) {
    this.runner = runner;
  }

  @Override
  public Health health(boolean includeDetails) {
    return runner.run("passive", includeDetails);
  }

  @Override
  public Health health() {
    return health(true);
  }
}
