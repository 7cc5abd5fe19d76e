package dev.mercado.notifications.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delayed retry in the application rather than in the broker (no TTL or dead-letter queue
 * arguments, which the embedded broker rejects): failed tasks wait in the database until due, then
 * go back on the queue. Several instances may run it ({@code SKIP LOCKED}).
 */
@Component
class DueRetries {

  private static final Logger log = LoggerFactory.getLogger(DueRetries.class);

  private final EmailDelivery delivery;

  DueRetries(EmailDelivery delivery) {
    this.delivery = delivery;
  }

  @Scheduled(fixedDelayString = "${mercado.notifications.retry-poll-interval:500ms}")
  void queueDue() {
    try {
      int queued = delivery.queueDueRetries();
      if (queued > 0) {
        log.info("queued {} e-mail retries", queued);
      }
    } catch (RuntimeException e) {
      log.warn("could not queue due retries: {}", e.getMessage());
    }
  }
}
