package dev.mercado.notifications.domain;

/**
 * Where a notification's delivery stands.
 *
 * <pre>
 * QUEUED --sent--> SENT
 *   |  \--failed, attempts left--> RETRY_WAIT --due--> QUEUED
 *   \--failed, no attempts left--> DEAD --re-driven--> QUEUED
 * </pre>
 */
public enum NotificationStatus {
  /** A task for it is on the work queue (or in the outbox on its way there). */
  QUEUED,
  /** The last attempt failed; the retry scheduler queues it again at {@code nextAttemptAt}. */
  RETRY_WAIT,
  /** The SMTP server accepted the e-mail. Final. */
  SENT,
  /** Every attempt failed; parked on the dead-letter queue until re-driven. */
  DEAD
}
