package dev.mercado.platform.health.internal;

import dev.mercado.platform.health.HealthCheckProperties.Schedule;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Runs its check in the background (R2, active): first after the delay, then the period after each
 * run ends, and answers every probe from the last result. A burst of probes costs no check at all;
 * the answer is at most one period (plus the check's duration) old, and says when it was taken
 * ({@code checkedAt}). Until the first background run has finished, a probe runs the check itself,
 * so a service is never reported ready on a check that has not run. Thread-safe.
 */
public final class ActiveCheck implements HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(ActiveCheck.class);

  private final CheckRunner runner;
  private final Schedule schedule;
  private volatile Health last;
  private ScheduledFuture<?> task;

  public ActiveCheck(CheckRunner runner, Schedule schedule) {
    this.runner = runner;
    this.schedule = schedule;
  }

  /** Starts the background runs on {@code scheduler}. */
  public synchronized void start(ScheduledExecutorService scheduler) {
    if (task == null) {
      task =
          scheduler.scheduleWithFixedDelay(
              this::runNow,
              schedule.delay().toMillis(),
              schedule.period().toMillis(),
              TimeUnit.MILLISECONDS);
    }
  }

  public synchronized void stop() {
    if (task != null) {
      task.cancel(false);
      task = null;
    }
  }

  void runNow() {
    try {
      last = runner.run("active", true);
    } catch (RuntimeException e) {
      log.warn("health check {} could not run: {}", runner.name(), e.toString());
    }
  }

  @Override
  public Health health(boolean includeDetails) {
    Health cached = last;
    if (cached == null) {
      return runner.run("passive (first run pending)", includeDetails);
    }
    return includeDetails ? cached : Health.status(cached.getStatus()).build();
  }

  @Override
  public Health health() {
    return health(true);
  }
}
