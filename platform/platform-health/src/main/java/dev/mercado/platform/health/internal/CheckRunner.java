package dev.mercado.platform.health.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Runs one check with a timeout and reports each run: the result gains {@code checkedAt}, {@code
 * durationMs} and {@code mode} details, and the timer {@code mercado.health.check} (tags {@code
 * check}, {@code status}) counts runs and their durations. A check that throws or overruns its
 * timeout is DOWN with the reason under {@code error}.
 */
public final class CheckRunner {

  private final String name;
  private final HealthIndicator delegate;
  private final Duration timeout;
  private final ExecutorService executor;
  private final Supplier<MeterRegistry> meters;
  private final Clock clock;

  public CheckRunner(
      String name,
      HealthIndicator delegate,
      Duration timeout,
      ExecutorService executor,
      Supplier<MeterRegistry> meters,
      Clock clock) {
    this.name = name;
    this.delegate = delegate;
    this.timeout = timeout;
    this.executor = executor;
    this.meters = meters;
    this.clock = clock;
  }

  public String name() {
    return name;
  }

  /** Runs the check now, on a thread of its own, for at most the timeout. */
  public Health run(String mode, boolean includeDetails) {
    long start = System.nanoTime();
    Health health;
    Future<Health> result = executor.submit(() -> delegate.health(includeDetails));
    try {
      health = result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      result.cancel(true);
      health =
          Health.down()
              .withDetail("error", "timed out after " + timeout.toMillis() + " ms")
              .build();
    } catch (ExecutionException e) {
      health = Health.down(e.getCause()).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      health = Health.down().withDetail("error", "interrupted").build();
    }
    long nanos = System.nanoTime() - start;
    MeterRegistry registry = meters.get();
    if (registry != null) {
      Timer.builder("mercado.health.check")
          .description("health check runs and their duration")
          .tag("check", name)
          .tag("status", health.getStatus().getCode())
          .register(registry)
          .record(nanos, TimeUnit.NANOSECONDS);
    }
    return Health.status(health.getStatus())
        .withDetails(health.getDetails())
        .withDetail("mode", mode)
        .withDetail("checkedAt", clock.instant().toString())
        .withDetail("durationMs", TimeUnit.NANOSECONDS.toMillis(nanos))
        .build();
  }
}
