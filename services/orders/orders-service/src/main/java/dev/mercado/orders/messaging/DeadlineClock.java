package dev.mercado.orders.messaging;

import dev.mercado.orders.application.SagaCoordinator;
import dev.mercado.platform.jobs.Jobs;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves sagas whose step missed its deadline to compensation. One instance of a scaled orders runs
 * each tick (platform-jobs), and {@code SKIP LOCKED} would still keep two from handling one order.
 */
@Component
class DeadlineClock {

  private static final Logger log = LoggerFactory.getLogger(DeadlineClock.class);

  private final SagaCoordinator saga;
  private final Jobs jobs;

  DeadlineClock(SagaCoordinator saga, Jobs jobs) {
    this.saga = saga;
    this.jobs = jobs;
  }

  @Scheduled(fixedDelayString = "${mercado.orders.deadline-check:500ms}")
  void tick() {
    try {
      jobs.runOnce(
          "orders.deadline-clock",
          Duration.ofMinutes(1),
          () -> {
            int expired = saga.expireDeadlines();
            if (expired > 0) {
              log.info("{} saga deadline(s) passed", expired);
            }
          });
    } catch (RuntimeException e) {
      log.warn("deadline check failed, next tick retries: {}", e.getMessage());
    }
  }
}
