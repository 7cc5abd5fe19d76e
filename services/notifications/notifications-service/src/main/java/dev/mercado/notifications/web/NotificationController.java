package dev.mercado.notifications.web;

import dev.mercado.notifications.api.Notification;
import dev.mercado.notifications.application.Notifications;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

  private final Notifications notifications;

  NotificationController(Notifications notifications) {
    this.notifications = notifications;
  }

  /**
   * What was sent to the customer about an order: every e-mail its final event called for, with
   * delivery status and attempts; an empty list while the event is on its way.
   */
  @GetMapping
  List<Notification> forOrder(@RequestParam UUID orderId) {
    return notifications.forOrder(orderId).stream()
        .map(
            n ->
                new Notification(
                    n.id(),
                    n.orderId(),
                    n.kind().name(),
                    "email",
                    n.recipient(),
                    n.subject(),
                    n.status().name(),
                    n.attempts(),
                    n.lastError(),
                    n.createdAt(),
                    n.nextAttemptAt(),
                    n.sentAt()))
        .toList();
  }
}
