package dev.mercado.catalog.messaging;

import dev.mercado.catalog.application.StockReservations;
import dev.mercado.catalog.domain.OrderId;
import dev.mercado.catalog.domain.ProductId;
import dev.mercado.catalog.domain.ReservationLine;
import dev.mercado.orders.api.OrderConfirmed;
import dev.mercado.orders.api.OrdersTopics;
import dev.mercado.orders.api.ReleaseStockCommand;
import dev.mercado.orders.api.ReserveStockCommand;
import dev.mercado.platform.events.CloudEvent;
import dev.mercado.platform.events.CloudEventJson;
import dev.mercado.platform.events.InvalidCloudEventException;
import dev.mercado.platform.inbox.Inbox;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The order saga's commands to catalog. Each event is applied through the inbox, so its effect and
 * the record of its id commit together and a redelivered event is skipped; a repeated command with
 * a new id is made harmless by {@link StockReservations} itself. A command that cannot be read is
 * parked on the dead-letter topic at once.
 */
@Component
class StockCommandsListener {

  /** The inbox's consumer name, also the consumer group (spring.kafka.consumer.group-id). */
  static final String CONSUMER = "catalog";

  private final Inbox inbox;
  private final StockReservations reservations;
  private final ObservationRegistry observations;
  private final CloudEventJson json = new CloudEventJson();

  StockCommandsListener(
      Inbox inbox, StockReservations reservations, ObservationRegistry observations) {
    this.inbox = inbox;
    this.reservations = reservations;
    this.observations = observations;
  }

  /**
   * One listener for the three topics, so catalog runs three consumers rather than nine: each
   * consumer polls, fetches and heartbeats whether or not anything arrives (docs/performance.md).
   * Each topic is keyed by order, so one order's commands of one topic still arrive in order.
   */
  @KafkaListener(
      topics = {
        OrdersTopics.RESERVE_STOCK,
        OrdersTopics.RELEASE_STOCK,
        OrdersTopics.ORDER_CONFIRMED
      })
  void on(ConsumerRecord<String, String> record) {
    switch (record.topic()) {
      case OrdersTopics.RESERVE_STOCK -> onReserveStock(record);
      case OrdersTopics.RELEASE_STOCK -> onReleaseStock(record);
      case OrdersTopics.ORDER_CONFIRMED -> onOrderConfirmed(record);
      default -> throw new IllegalStateException("catalog does not consume " + record.topic());
    }
  }

  private void onReserveStock(ConsumerRecord<String, String> record) {
    // the reservation's own span and timer, around dedup, row locks and commit (O3)
    Observation.createNotStarted("mercado.catalog.stock.reservation", observations)
        .contextualName("reserve stock")
        .observe(
            () ->
                inbox.receive(
                    CONSUMER,
                    record,
                    event -> {
                      ReserveStockCommand command = json.data(event, ReserveStockCommand.class);
                      reservations.reserve(
                          orderId(event, command.orderId()), lines(event, command.lines()));
                    }));
  }

  private void onReleaseStock(ConsumerRecord<String, String> record) {
    inbox.receive(
        CONSUMER,
        record,
        event -> {
          ReleaseStockCommand command = json.data(event, ReleaseStockCommand.class);
          reservations.release(orderId(event, command.orderId()));
        });
  }

  private void onOrderConfirmed(ConsumerRecord<String, String> record) {
    inbox.receive(
        CONSUMER,
        record,
        event -> {
          OrderConfirmed confirmed = json.data(event, OrderConfirmed.class);
          reservations.commit(orderId(event, confirmed.orderId()));
        });
  }

  private static OrderId orderId(CloudEvent event, UUID orderId) {
    if (orderId == null) {
      throw invalid(event, "has no orderId");
    }
    return new OrderId(orderId);
  }

  private static List<ReservationLine> lines(
      CloudEvent event, List<ReserveStockCommand.Line> lines) {
    if (lines == null || lines.isEmpty()) {
      throw invalid(event, "has no lines");
    }
    return lines.stream()
        .map(
            line -> {
              if (line == null || line.productId() == null || line.quantity() <= 0) {
                throw invalid(event, "has a line without a product or a positive quantity");
              }
              return new ReservationLine(new ProductId(line.productId()), line.quantity());
            })
        .toList();
  }

  /** Retrying cannot fix a malformed command: it is dead-lettered without retries. */
  private static InvalidCloudEventException invalid(CloudEvent event, String problem) {
    return new InvalidCloudEventException(event.type() + " " + event.id() + " " + problem);
  }
}
