package dev.mercado.notifications.application;

import dev.mercado.platform.jobs.Jobs;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delayed retry in the application rather than in the broker (no TTL or dead-letter queue
 * arguments, which the embedded broker rejects): failed tasks wait in the database until due, then
 * go back on the queue. One instance of a scaled notifications runs each poll (platform-jobs);
 * {@code SKIP LOCKED} would still keep two from queuing one retry.
 */
@Component
class DueRetries {

  private static final Logger log = LoggerFactory.getLogger(DueRetries.class);

  private final EmailDelivery delivery;
  private final Jobs jobs;

  DueRetries(EmailDelivery delivery, Jobs jobs) {
    this.delivery = delivery;
    this.jobs = jobs;
  }

  @Scheduled(fixedDelayString = "${mercado.notifications.retry-poll-interval:500ms}")
  void queueDue() {
    try {
      jobs.runOnce(
          "notifications.due-retries",
          Duration.ofMinutes(1),
          () -> {
            int queued = delivery.queueDueRetries();
            if (queued > 0) {
              log.info("queued {} e-mail retries", queued);
            }
          });
    } catch (RuntimeException e) {
      log.warn("could not queue due retries: {}", e.getMessage());
    }
  }
}
