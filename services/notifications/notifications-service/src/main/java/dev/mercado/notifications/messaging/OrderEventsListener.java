package dev.mercado.notifications.messaging;

import dev.mercado.notifications.application.Notifications;
import dev.mercado.orders.api.OrdersTopics;
import dev.mercado.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The final events of orders, each turned into an e-mail task once (inbox) in the transaction that
 * queues it (outbox).
 */
@Component
class OrderEventsListener {

  private final Inbox inbox;
  private final Notifications notifications;

  OrderEventsListener(Inbox inbox, Notifications notifications) {
    this.inbox = inbox;
    this.notifications = notifications;
  }

  @KafkaListener(
      topics = {
        OrdersTopics.ORDER_CONFIRMED,
        OrdersTopics.ORDER_CANCELLED,
        OrdersTopics.ORDER_REJECTED
      },
      groupId = "notifications")
  void on(ConsumerRecord<String, String> record) {
    inbox.receive("notifications", record, notifications::taskFor);
  }
}
