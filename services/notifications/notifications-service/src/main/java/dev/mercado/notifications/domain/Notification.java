package dev.mercado.notifications.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One e-mail to a customer about an order, and the state of its delivery. Its id is the idempotency
 * key of the delivery task (also the e-mail's Message-ID); {@code eventId} is the order event it
 * answers, unique, so one event never yields two notifications.
 */
public record Notification(
    UUID id,
    String eventId,
    UUID orderId,
    NotificationKind kind,
    String recipient,
    String subject,
    String body,
    NotificationStatus status,
    int attempts,
    String lastError,
    Instant createdAt,
    Instant nextAttemptAt,
    Instant sentAt) {

  /** A new notification, queued for its first attempt. */
  public static Notification queued(
      UUID id,
      String eventId,
      UUID orderId,
      NotificationKind kind,
      String recipient,
      String detail,
      Instant now) {
    return new Notification(
        id,
        eventId,
        orderId,
        kind,
        recipient,
        kind.subject(),
        kind.body(orderId.toString(), detail),
        NotificationStatus.QUEUED,
        0,
        null,
        now,
        null,
        null);
  }

  /** Whether a worker that receives its task should try to send it now. */
  public boolean deliverable() {
    return status == NotificationStatus.QUEUED;
  }

  public Notification sent(Instant now) {
    return with(NotificationStatus.SENT, attempts + 1, null, null, now);
  }

  /** After a failed attempt: wait for {@code retryAt}, or, if it was the last, dead. */
  public Notification failed(String error, int maxAttempts, Instant retryAt) {
    int attempt = attempts + 1;
    return attempt >= maxAttempts
        ? with(NotificationStatus.DEAD, attempt, error, null, null)
        : with(NotificationStatus.RETRY_WAIT, attempt, error, retryAt, null);
  }

  /** Back on the queue: a due retry keeps its attempts, a re-driven dead one starts again. */
  public Notification requeued() {
    return status == NotificationStatus.DEAD
        ? with(NotificationStatus.QUEUED, 0, lastError, null, null)
        : with(NotificationStatus.QUEUED, attempts, lastError, null, null);
  }

  private Notification with(
      NotificationStatus status, int attempts, String error, Instant nextAttemptAt, Instant sent) {
    return new Notification(
        id,
        eventId,
        orderId,
        kind,
        recipient,
        subject,
        body,
        status,
        attempts,
        error,
        createdAt,
        nextAttemptAt,
        sent);
  }
}
