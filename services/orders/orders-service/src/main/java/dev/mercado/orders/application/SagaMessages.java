package dev.mercado.orders.application;

import dev.mercado.orders.api.AuthorizePaymentCommand;
import dev.mercado.orders.api.OrderCancelled;
import dev.mercado.orders.api.OrderConfirmed;
import dev.mercado.orders.api.OrderLine;
import dev.mercado.orders.api.OrderPlaced;
import dev.mercado.orders.api.OrderRejected;
import dev.mercado.orders.api.OrderStatusChanged;
import dev.mercado.orders.api.OrdersTopics;
import dev.mercado.orders.api.RefundPaymentCommand;
import dev.mercado.orders.api.ReleaseStockCommand;
import dev.mercado.orders.api.ReserveStockCommand;
import dev.mercado.orders.domain.Order;
import dev.mercado.orders.domain.SagaAction;
import dev.mercado.orders.domain.Transition;
import dev.mercado.platform.outbox.Outbox;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Turns the saga's actions and transitions into messages on orders' topics, through the outbox:
 * they leave only if the transaction that decided them commits.
 */
@Component
class SagaMessages {

  private final Outbox outbox;

  SagaMessages(Outbox outbox) {
    this.outbox = outbox;
  }

  void placed(Order order) {
    publish(
        OrdersTopics.ORDER_PLACED,
        order,
        new OrderPlaced(
            order.id().value(),
            order.customerId(),
            order.lines().stream()
                .map(
                    line ->
                        new OrderLine(
                            line.productId(),
                            line.name(),
                            line.quantity(),
                            line.unitPrice().amount()))
                .toList(),
            order.total().amount(),
            order.total().currency().getCurrencyCode()));
  }

  void transitions(Order order, List<Transition> transitions) {
    for (Transition transition : transitions) {
      publish(
          OrdersTopics.ORDER_STATUS_CHANGED,
          order,
          new OrderStatusChanged(
              order.id().value(),
              transition.from() == null ? null : transition.from().name(),
              transition.to().name(),
              transition.reason(),
              transition.at()));
    }
  }

  void actions(Order order, List<SagaAction> actions) {
    for (SagaAction action : actions) {
      switch (action) {
        case RESERVE_STOCK ->
            publish(
                OrdersTopics.RESERVE_STOCK,
                order,
                new ReserveStockCommand(
                    order.id().value(),
                    order.lines().stream()
                        .map(
                            line -> new ReserveStockCommand.Line(line.productId(), line.quantity()))
                        .toList()));
        case AUTHORIZE_PAYMENT ->
            publish(
                OrdersTopics.AUTHORIZE_PAYMENT,
                order,
                new AuthorizePaymentCommand(
                    order.id().value(),
                    order.total().amount(),
                    order.total().currency().getCurrencyCode(),
                    order.cardToken()));
        case RELEASE_STOCK ->
            publish(OrdersTopics.RELEASE_STOCK, order, new ReleaseStockCommand(order.id().value()));
        case REFUND_PAYMENT ->
            publish(
                OrdersTopics.REFUND_PAYMENT, order, new RefundPaymentCommand(order.id().value()));
        case PUBLISH_CONFIRMED ->
            publish(
                OrdersTopics.ORDER_CONFIRMED,
                order,
                new OrderConfirmed(
                    order.id().value(),
                    order.customerId(),
                    order.total().amount(),
                    order.total().currency().getCurrencyCode()));
        case PUBLISH_CANCELLED ->
            publish(
                OrdersTopics.ORDER_CANCELLED,
                order,
                new OrderCancelled(
                    order.id().value(), order.customerId(), order.cancellationReason()));
        case PUBLISH_REJECTED ->
            publish(
                OrdersTopics.ORDER_REJECTED,
                order,
                new OrderRejected(order.id().value(), order.customerId(), order.rejectionReason()));
      }
    }
  }

  private void publish(String topic, Order order, Object payload) {
    outbox.append(topic, topic, order.id().toString(), payload);
  }
}
