package dev.mercado.notifications.application;

import dev.mercado.notifications.NotificationsProperties;
import dev.mercado.notifications.api.EmailTask;
import dev.mercado.notifications.api.EmailTaskDead;
import dev.mercado.notifications.api.NotificationsQueues;
import dev.mercado.notifications.domain.Mailer;
import dev.mercado.notifications.domain.Notification;
import dev.mercado.notifications.domain.NotificationRepository;
import dev.mercado.notifications.domain.NotificationStatus;
import dev.mercado.platform.observability.Committed;
import dev.mercado.platform.outbox.Outbox;
import dev.mercado.platform.resilience.Backoff;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivers e-mail tasks at most once per task as far as this service can tell (R11, R12).
 *
 * <p>A delivery locks the notification's row, sends, and records the outcome in one transaction;
 * the worker acknowledges the message only after that commit. A worker that dies before the commit
 * leaves the row unchanged and the message unacknowledged, so the broker redelivers it and the next
 * worker sends it; a duplicate of a task already sent finds it {@code SENT} and sends nothing; two
 * copies delivered at once serialize on the row lock. The one window left is a crash after the SMTP
 * server accepted the e-mail and before the commit: the e-mail then goes out again, with the same
 * Message-ID (docs/patterns.md, R11).
 */
@Service
public class EmailDelivery {

  /** What became of one received task. */
  public enum Outcome {
    SENT,
    RETRY_LATER,
    DEAD,
    /** Already sent, dead or waiting for a retry: a duplicate delivery, nothing to do. */
    DUPLICATE,
    /** No notification with that id: not one of ours. */
    UNKNOWN
  }

  private static final Logger log = LoggerFactory.getLogger(EmailDelivery.class);
  private static final int RETRY_BATCH = 100;

  private final NotificationRepository notifications;
  private final Mailer mailer;
  private final Outbox outbox;
  private final NotificationsProperties properties;
  private final Backoff backoff;
  private final Clock clock;
  private final Counter parked;

  EmailDelivery(
      NotificationRepository notifications,
      Mailer mailer,
      Outbox outbox,
      NotificationsProperties properties,
      Clock clock,
      MeterRegistry registry) {
    this.notifications = notifications;
    this.mailer = mailer;
    this.outbox = outbox;
    this.properties = properties;
    // equal jitter (R8): retry n waits between half and all of min(max, initial * 2^(n-1)), so
    // base = initial / 2; the guaranteed half is what lets a minute's SMTP outage pass before a
    // task
    // is dead-lettered (with the defaults, 10 attempts span at least 75 s), which full jitter's
    // pauses near zero did not (issue 14's fault suite lost e-mails to a 15 s outage)
    this.backoff =
        Backoff.of(
            Backoff.Strategy.EXPONENTIAL_EQUAL_JITTER,
            properties.initialBackoff().dividedBy(2),
            properties.maxBackoff());
    this.clock = clock;
    this.parked = parkedCounter(registry);
  }

  /**
   * {@code mercado.deadletters.parked{name=notifications.email-tasks.dlq}}: tasks parked on the
   * dead-letter queue (O1), registered at start so the series exists before the first one.
   */
  public static Counter parkedCounter(MeterRegistry registry) {
    return registry.counter(
        "mercado.deadletters.parked", "name", NotificationsQueues.EMAIL_TASKS_DEAD);
  }

  @Transactional
  public Outcome deliver(UUID taskId) {
    Optional<Notification> found = notifications.lock(taskId);
    if (found.isEmpty()) {
      return Outcome.UNKNOWN;
    }
    Notification notification = found.get();
    if (!notification.deliverable()) {
      return Outcome.DUPLICATE;
    }
    try {
      mailer.send(notification, properties.from());
      notifications.update(notification.sent(clock.instant()));
      log.info("e-mail {} about order {} sent", taskId, notification.orderId());
      return Outcome.SENT;
    } catch (Mailer.MailFailure e) {
      Instant retryAt =
          clock
              .instant()
              .plus(
                  backoff.pause(
                      notification.attempts() + 1, Duration.ZERO, ThreadLocalRandom.current()));
      Notification failed = notification.failed(e.getMessage(), properties.maxAttempts(), retryAt);
      notifications.update(failed);
      if (failed.status() == NotificationStatus.DEAD) {
        log.warn("e-mail {} dead after {} attempts: {}", taskId, failed.attempts(), e.getMessage());
        Committed.afterCommit(parked::increment);
        outbox.enqueue(
            NotificationsQueues.EMAIL_TASKS_DEAD,
            NotificationsQueues.EMAIL_TASKS_DEAD,
            failed.orderId().toString(),
            new EmailTaskDead(failed.id(), failed.orderId(), failed.attempts(), e.getMessage()));
        return Outcome.DEAD;
      }
      return Outcome.RETRY_LATER;
    }
  }

  /** Puts the retries that are due back on the work queue; returns how many. */
  @Transactional
  public int queueDueRetries() {
    List<Notification> due = notifications.lockDueRetries(clock.instant(), RETRY_BATCH);
    due.forEach(this::requeue);
    return due.size();
  }

  /**
   * Queues a dead task again with fresh attempts.
   *
   * @return false if it is not dead (already re-driven, or unknown)
   */
  @Transactional
  public boolean redrive(UUID taskId) {
    Optional<Notification> found = notifications.lock(taskId);
    if (found.isEmpty() || found.get().status() != NotificationStatus.DEAD) {
      return false;
    }
    requeue(found.get());
    return true;
  }

  private void requeue(Notification notification) {
    notifications.update(notification.requeued());
    outbox.enqueue(
        NotificationsQueues.EMAIL_TASKS,
        NotificationsQueues.EMAIL_TASKS,
        notification.orderId().toString(),
        new EmailTask(notification.id(), notification.orderId()));
  }
}
