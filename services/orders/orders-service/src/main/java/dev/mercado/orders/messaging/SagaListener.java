package dev.mercado.orders.messaging;

import dev.mercado.catalog.api.CatalogTopics;
import dev.mercado.catalog.api.StockRejected;
import dev.mercado.orders.application.SagaCoordinator;
import dev.mercado.orders.domain.OrderId;
import dev.mercado.orders.domain.SagaEvent;
import dev.mercado.payments.api.PaymentDeclined;
import dev.mercado.payments.api.PaymentsTopics;
import dev.mercado.platform.events.CloudEvent;
import dev.mercado.platform.events.CloudEventJson;
import dev.mercado.platform.events.InvalidCloudEventException;
import dev.mercado.platform.inbox.Inbox;
import dev.mercado.platform.observability.Correlation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.BaggageInScope;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The saga's incoming answers from catalog and payments, each applied once (inbox) in the
 * transaction that records it. The event's subject is the order id.
 */
@Component
class SagaListener {

  private final Inbox inbox;
  private final SagaCoordinator saga;
  private final Correlation correlation;
  private final ObservationRegistry observations;
  private final CloudEventJson json = new CloudEventJson();

  SagaListener(
      Inbox inbox,
      SagaCoordinator saga,
      Correlation correlation,
      ObservationRegistry observations) {
    this.inbox = inbox;
    this.saga = saga;
    this.correlation = correlation;
    this.observations = observations;
  }

  @KafkaListener(
      topics = {
        CatalogTopics.STOCK_RESERVED,
        CatalogTopics.STOCK_REJECTED,
        CatalogTopics.STOCK_RELEASED,
        PaymentsTopics.PAYMENT_AUTHORIZED,
        PaymentsTopics.PAYMENT_DECLINED
      },
      groupId = "orders")
  void on(ConsumerRecord<String, String> record) {
    // one span (and timer mercado.saga.step) per step, around dedup, transition and commit (O3)
    try (BaggageInScope order = correlation.order(record.key())) {
      Observation.createNotStarted("mercado.saga.step", observations)
          .contextualName("saga " + record.topic())
          .lowCardinalityKeyValue("step", record.topic())
          .observe(
              () ->
                  inbox.receive(
                      "orders",
                      record,
                      event ->
                          saga.on(
                              new OrderId(UUID.fromString(event.subject())), sagaEvent(event))));
    }
  }

  private SagaEvent sagaEvent(CloudEvent event) {
    return switch (event.type()) {
      case CatalogTopics.STOCK_RESERVED -> new SagaEvent.StockReserved();
      case CatalogTopics.STOCK_REJECTED ->
          new SagaEvent.StockRejected(json.data(event, StockRejected.class).reason());
      case CatalogTopics.STOCK_RELEASED -> new SagaEvent.StockReleased();
      case PaymentsTopics.PAYMENT_AUTHORIZED -> new SagaEvent.PaymentAuthorized();
      case PaymentsTopics.PAYMENT_DECLINED ->
          new SagaEvent.PaymentDeclined(json.data(event, PaymentDeclined.class).reason());
      default -> throw new InvalidCloudEventException("orders does not handle " + event.type());
    };
  }
}
