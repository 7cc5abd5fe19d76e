package dev.mercado.orders.messaging;

import dev.mercado.orders.application.SagaCoordinator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves sagas whose step missed its deadline to compensation. Every instance runs it; {@code SKIP
 * LOCKED} keeps two from handling one order.
 */
@Component
class DeadlineClock {

  private static final Logger log = LoggerFactory.getLogger(DeadlineClock.class);

  private final SagaCoordinator saga;

  DeadlineClock(SagaCoordinator saga) {
    this.saga = saga;
  }

  @Scheduled(fixedDelayString = "${mercado.orders.deadline-check:500ms}")
  void tick() {
    try {
      int expired = saga.expireDeadlines();
      if (expired > 0) {
        log.info("{} saga deadline(s) passed", expired);
      }
    } catch (RuntimeException e) {
      log.warn("deadline check failed, next tick retries: {}", e.getMessage());
    }
  }
}
