package dev.mercado.payments.messaging;

import dev.mercado.orders.api.AuthorizePaymentCommand;
import dev.mercado.orders.api.OrdersTopics;
import dev.mercado.payments.application.Payments;
import dev.mercado.platform.events.CloudEvent;
import dev.mercado.platform.events.CloudEventJson;
import dev.mercado.platform.events.InvalidCloudEventException;
import dev.mercado.platform.inbox.Inbox;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The saga's commands to payments, and the order confirmations that trigger a capture; each applied
 * once (inbox) in the transaction that records it.
 */
@Component
class OrderCommandsListener {

  private final Inbox inbox;
  private final Payments payments;
  private final CloudEventJson json = new CloudEventJson();

  OrderCommandsListener(Inbox inbox, Payments payments) {
    this.inbox = inbox;
    this.payments = payments;
  }

  @KafkaListener(
      topics = {
        OrdersTopics.AUTHORIZE_PAYMENT,
        OrdersTopics.REFUND_PAYMENT,
        OrdersTopics.ORDER_CONFIRMED
      },
      groupId = "payments")
  void on(ConsumerRecord<String, String> record) {
    inbox.receive("payments", record, this::apply);
  }

  private void apply(CloudEvent event) {
    UUID orderId = UUID.fromString(event.subject());
    switch (event.type()) {
      case OrdersTopics.AUTHORIZE_PAYMENT ->
          payments.authorize(json.data(event, AuthorizePaymentCommand.class));
      case OrdersTopics.REFUND_PAYMENT -> payments.refund(orderId);
      case OrdersTopics.ORDER_CONFIRMED -> payments.capture(orderId);
      default -> throw new InvalidCloudEventException("payments does not handle " + event.type());
    }
  }
}
