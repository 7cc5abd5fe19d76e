package dev.mercado.notifications.application;

import dev.mercado.notifications.NotificationsProperties;
import dev.mercado.notifications.api.EmailTask;
import dev.mercado.notifications.api.NotificationsQueues;
import dev.mercado.notifications.domain.Notification;
import dev.mercado.notifications.domain.NotificationKind;
import dev.mercado.notifications.domain.NotificationRepository;
import dev.mercado.orders.api.OrderCancelled;
import dev.mercado.orders.api.OrderConfirmed;
import dev.mercado.orders.api.OrderRejected;
import dev.mercado.orders.api.OrdersTopics;
import dev.mercado.platform.events.CloudEvent;
import dev.mercado.platform.events.CloudEventJson;
import dev.mercado.platform.events.InvalidCloudEventException;
import dev.mercado.platform.outbox.Outbox;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Turns final order events into e-mail tasks (R11, R10): one task per event, never two. */
@Service
public class Notifications {

  private final NotificationRepository notifications;
  private final Outbox outbox;
  private final NotificationsProperties properties;
  private final Clock clock;
  private final CloudEventJson json = new CloudEventJson();

  Notifications(
      NotificationRepository notifications,
      Outbox outbox,
      NotificationsProperties properties,
      Clock clock) {
    this.notifications = notifications;
    this.outbox = outbox;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Records the notification an order event calls for and queues its task through the outbox, in
   * the caller's transaction (the inbox's, which records the event as received).
   *
   * @return false if the event already had its notification
   */
  @Transactional
  public boolean taskFor(CloudEvent event) {
    Notification notification = notificationFor(event);
    if (!notifications.insert(notification)) {
      return false;
    }
    outbox.enqueue(
        NotificationsQueues.EMAIL_TASKS,
        NotificationsQueues.EMAIL_TASKS,
        notification.orderId().toString(),
        new EmailTask(notification.id(), notification.orderId()));
    return true;
  }

  @Transactional(readOnly = true)
  public List<Notification> forOrder(UUID orderId) {
    return notifications.findByOrder(orderId);
  }

  private Notification notificationFor(CloudEvent event) {
    // the task id follows from the event id: the same event always names the same task
    UUID id = UUID.nameUUIDFromBytes(("email:" + event.id()).getBytes(StandardCharsets.UTF_8));
    switch (event.type()) {
      case OrdersTopics.ORDER_CONFIRMED -> {
        OrderConfirmed confirmed = json.data(event, OrderConfirmed.class);
        return Notification.queued(
            id,
            event.id(),
            confirmed.orderId(),
            NotificationKind.ORDER_CONFIRMED,
            recipient(confirmed.customerId()),
            "Total: " + confirmed.total().toPlainString() + " " + confirmed.currency() + ".",
            clock.instant());
      }
      case OrdersTopics.ORDER_CANCELLED -> {
        OrderCancelled cancelled = json.data(event, OrderCancelled.class);
        return Notification.queued(
            id,
            event.id(),
            cancelled.orderId(),
            NotificationKind.ORDER_CANCELLED,
            recipient(cancelled.customerId()),
            cancelled.reason(),
            clock.instant());
      }
      case OrdersTopics.ORDER_REJECTED -> {
        OrderRejected rejected = json.data(event, OrderRejected.class);
        return Notification.queued(
            id,
            event.id(),
            rejected.orderId(),
            NotificationKind.ORDER_REJECTED,
            recipient(rejected.customerId()),
            rejected.reason(),
            clock.instant());
      }
      default ->
          throw new InvalidCloudEventException("notifications does not handle " + event.type());
    }
  }

  private String recipient(String customerId) {
    return customerId.contains("@")
        ? customerId
        : customerId + "@" + properties.customerMailDomain();
  }
}
