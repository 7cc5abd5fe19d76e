package dev.mercado.notifications.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Notifications' store. Every method runs in the caller's transaction. */
public interface NotificationRepository {

  /**
   * Stores a new notification unless one exists for its event.
   *
   * @return false if the event already has one (a duplicate event)
   */
  boolean insert(Notification notification);

  /** The notification, locked until the transaction ends (a second worker waits). */
  Optional<Notification> lock(UUID id);

  void update(Notification notification);

  /**
   * Up to {@code limit} notifications waiting for a retry due by {@code now}, locked, skipping
   * those another instance holds.
   */
  List<Notification> lockDueRetries(Instant now, int limit);

  List<Notification> findByOrder(UUID orderId);
}
