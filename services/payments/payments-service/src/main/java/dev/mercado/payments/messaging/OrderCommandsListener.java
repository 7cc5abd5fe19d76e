package dev.mercado.payments.messaging;

import dev.mercado.orders.api.AuthorizePaymentCommand;
import dev.mercado.orders.api.OrdersTopics;
import dev.mercado.payments.application.Payments;
import dev.mercado.payments.domain.Money;
import dev.mercado.payments.domain.OrderId;
import dev.mercado.platform.events.CloudEvent;
import dev.mercado.platform.events.CloudEventJson;
import dev.mercado.platform.events.InvalidCloudEventException;
import dev.mercado.platform.inbox.Inbox;
import java.util.Currency;
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
    OrderId orderId = new OrderId(UUID.fromString(event.subject()));
    switch (event.type()) {
      case OrdersTopics.AUTHORIZE_PAYMENT -> {
        AuthorizePaymentCommand command = json.data(event, AuthorizePaymentCommand.class);
        payments.authorize(new OrderId(command.orderId()), amount(command), command.cardToken());
      }
      case OrdersTopics.REFUND_PAYMENT -> payments.refund(orderId);
      case OrdersTopics.ORDER_CONFIRMED -> payments.capture(orderId);
      default -> throw new InvalidCloudEventException("payments does not handle " + event.type());
    }
  }

  /**
   * The command's amount as payments' value; a command no retry can make valid (no amount, an
   * unknown currency, a negative amount, more decimals than the currency has) is dead-lettered.
   */
  private static Money amount(AuthorizePaymentCommand command) {
    String order = "authorize-payment of order " + command.orderId();
    if (command.amount() == null || command.currency() == null) {
      throw new InvalidCloudEventException(order + ": no amount or currency");
    }
    try {
      return new Money(command.amount(), Currency.getInstance(command.currency()));
    } catch (IllegalArgumentException | ArithmeticException invalid) {
      throw new InvalidCloudEventException(order + ": " + invalid.getMessage(), invalid);
    }
  }
}
