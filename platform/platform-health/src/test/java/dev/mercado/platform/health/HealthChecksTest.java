package dev.mercado.platform.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mercado.platform.health.internal.ActiveCheck;
import dev.mercado.platform.health.internal.PassiveCheck;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * R2: the two modes, through the auto-configuration, with a dependency whose check counts its runs
 * (standing in for a database query) and can be made to fail or hang.
 */
class HealthChecksTest {

  /** A dependency's check: counts how often it ran; fails or hangs on demand. */
  static final class Dependency implements HealthIndicator {
    final AtomicInteger runs = new AtomicInteger();
    final AtomicBoolean down = new AtomicBoolean();
    final AtomicBoolean hangs = new AtomicBoolean();

    @Override
    public Health health() {
      runs.incrementAndGet();
      if (hangs.get()) {
        try {
          // a dependency that never answers, until the check's timeout interrupts it
          new CountDownLatch(1).await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return down.get()
          ? Health.down().withDetail("error", "refused").build()
          : Health.up().build();
    }
  }

  private final Dependency database = new Dependency();
  private final Dependency mailServer = new Dependency();

  private final ApplicationContextRunner contexts =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(HealthAutoConfiguration.class))
          .withBean("meterRegistry", MeterRegistry.class, SimpleMeterRegistry::new)
          .withBean("dbHealthIndicator", HealthIndicator.class, () -> database)
          .withBean("mailHealthContributor", HealthIndicator.class, () -> mailServer);

  @Test
  void activeModeAnswersABurstOfProbesFromTheCacheWithOneRunPerPeriod() {
    contexts
        .withPropertyValues("mercado.health.period=500ms")
        .run(
            context -> {
              HealthIndicator db = (HealthIndicator) context.getBean("dbHealthIndicator");
              Dependency dependency = database;
              assertThat(db).isInstanceOf(ActiveCheck.class);
              await().until(() -> dependency.runs.get() >= 1);
              int before = dependency.runs.get();

              long start = System.nanoTime();
              for (int i = 0; i < 1_000; i++) {
                assertThat(db.health().getStatus()).isEqualTo(Status.UP);
              }
              Duration burst = Duration.ofNanos(System.nanoTime() - start);

              int ran = dependency.runs.get() - before;
              assertThat(ran).isLessThanOrEqualTo(1 + (int) (burst.toMillis() / 500));
              assertThat(db.health().getDetails())
                  .containsKeys("checkedAt", "durationMs")
                  .containsEntry("mode", "active");
            });
  }

  @Test
  void activeModeTurnsDownWithinOnePeriodOfTheDependencyFailing() {
    contexts
        .withPropertyValues("mercado.health.period=300ms")
        .run(
            context -> {
              HealthIndicator db = (HealthIndicator) context.getBean("dbHealthIndicator");
              await().until(() -> db.health().getStatus().equals(Status.UP));

              database.down.set(true);

              await()
                  .atMost(Duration.ofMillis(300 + 700))
                  .until(() -> db.health().getStatus().equals(Status.DOWN));
            });
  }

  @Test
  void aCheckThatOverrunsItsTimeoutIsDown() {
    contexts
        .withPropertyValues("mercado.health.checks.db.timeout=200ms", "mercado.health.period=1s")
        .run(
            context -> {
              HealthIndicator db = (HealthIndicator) context.getBean("dbHealthIndicator");
              database.hangs.set(true);

              await()
                  .atMost(Duration.ofSeconds(5))
                  .until(() -> db.health().getStatus().equals(Status.DOWN));
              assertThat(db.health().getDetails().get("error").toString())
                  .contains("timed out after 200 ms");
            });
  }

  @Test
  void passiveModeRunsTheCheckAtEveryProbe() {
    contexts
        .withPropertyValues("mercado.health.mode=passive")
        .run(
            context -> {
              HealthIndicator db = (HealthIndicator) context.getBean("dbHealthIndicator");
              Dependency dependency = database;
              assertThat(db).isInstanceOf(PassiveCheck.class);

              for (int i = 0; i < 20; i++) {
                db.health();
              }

              assertThat(dependency.runs.get()).isEqualTo(20);
              dependency.down.set(true);
              assertThat(db.health().getStatus()).isEqualTo(Status.DOWN);
            });
  }

  @Test
  void thePredicateKeepsAnExcludedCheckPassive() {
    contexts
        .withPropertyValues(
            "mercado.health.include=tag:critical", "mercado.health.checks.db.tags=critical")
        .run(
            context -> {
              assertThat(context.getBean("dbHealthIndicator")).isInstanceOf(ActiveCheck.class);
              assertThat(context.getBean("mailHealthContributor")).isInstanceOf(PassiveCheck.class);
            });
  }

  @Test
  void aCheckKeepsItsOwnPeriod() {
    contexts
        .withPropertyValues("mercado.health.period=10s", "mercado.health.checks.mail.period=200ms")
        .run(
            context -> {
              await().atMost(Duration.ofSeconds(5)).until(() -> mailServer.runs.get() >= 4);

              assertThat(database.runs.get()).isEqualTo(1);
              assertThat(mailServer.runs.get()).isBetween(4, 7);
            });
  }
}
