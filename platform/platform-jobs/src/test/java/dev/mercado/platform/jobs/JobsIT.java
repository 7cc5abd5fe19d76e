package dev.mercado.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mercado.launcher.PostgresAdmin.ServiceDatabase;
import dev.mercado.testkit.Infrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * P3: four instances of a service (four {@link Jobs}, each with its own connections, one database)
 * ask to run the same job at the same moment; one runs each round, the others skip it, and the next
 * round runs again. A holder that dies mid-round blocks the job no longer than {@code atMostFor}.
 */
class JobsIT {

  private static final int INSTANCES = 4;
  private static final List<Jobs> instances = new ArrayList<>();
  private static ExecutorService threads;

  @BeforeAll
  static void fourInstancesOfOneService() {
    ServiceDatabase database = Infrastructure.database("jobs_it");
    for (int i = 0; i < INSTANCES; i++) {
      DriverManagerDataSource dataSource =
          new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password());
      instances.add(
          new JobsAutoConfiguration().jobs(new JobsAutoConfiguration().lockProvider(dataSource)));
    }
    threads = Executors.newFixedThreadPool(INSTANCES);
  }

  @AfterAll
  static void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void oneInstanceRunsEachRoundAndTheOthersSkipIt() throws Exception {
    for (int round = 0; round < 3; round++) {
      AtomicInteger running = new AtomicInteger();
      AtomicInteger ran = new AtomicInteger();
      AtomicInteger mostAtOnce = new AtomicInteger();
      CountDownLatch together = new CountDownLatch(INSTANCES);
      List<Future<Boolean>> results = new ArrayList<>();
      for (Jobs jobs : instances) {
        results.add(
            threads.submit(
                () -> {
                  together.countDown();
                  together.await(10, TimeUnit.SECONDS);
                  return jobs.runOnce(
                      "jobs-it.round",
                      Duration.ofSeconds(30),
                      () -> {
                        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                        sleep(Duration.ofMillis(500));
                        ran.incrementAndGet();
                        running.decrementAndGet();
                      });
                }));
      }
      int executed = 0;
      for (Future<Boolean> result : results) {
        executed += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }

      assertThat(executed).as("instances that ran round " + round).isEqualTo(1);
      assertThat(ran).hasValue(1);
      assertThat(mostAtOnce).hasValue(1);
    }
  }

  @Test
  void aLockLeftByADeadInstanceExpiresAfterAtMostFor() throws Exception {
    Jobs dying = instances.get(0);
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    Future<Boolean> stuck =
        threads.submit(
            () ->
                dying.runOnce(
                    "jobs-it.expiry",
                    Duration.ofSeconds(2),
                    () -> {
                      holding.countDown();
                      awaitLatch(never, Duration.ofSeconds(20));
                    }));
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

    assertThat(instances.get(1).runOnce("jobs-it.expiry", Duration.ofSeconds(2), () -> {}))
        .as("while the lock holds")
        .isFalse();
    await("the lock taken once its 2 s passed")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> instances.get(1).runOnce("jobs-it.expiry", Duration.ofSeconds(2), () -> {}));
    never.countDown();
    stuck.get(30, TimeUnit.SECONDS);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitLatch(CountDownLatch latch, Duration duration) {
    try {
      latch.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
