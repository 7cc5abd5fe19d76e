package dev.mercado.catalog.messaging;

import static dev.mercado.catalog.messaging.OrderCommands.line;
import static dev.mercado.catalog.messaging.OrderCommands.orderConfirmed;
import static dev.mercado.catalog.messaging.OrderCommands.releaseStock;
import static dev.mercado.catalog.messaging.OrderCommands.resent;
import static dev.mercado.catalog.messaging.OrderCommands.reserveStock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mercado.catalog.EventLog;
import dev.mercado.catalog.RunningCatalog;
import dev.mercado.catalog.api.CatalogTopics;
import dev.mercado.catalog.api.StockLine;
import dev.mercado.catalog.api.StockRejected;
import dev.mercado.catalog.api.StockReleased;
import dev.mercado.catalog.api.StockReserved;
import dev.mercado.catalog.application.ProductAdministration;
import dev.mercado.catalog.application.ProductCatalog;
import dev.mercado.catalog.domain.Money;
import dev.mercado.catalog.domain.Product;
import dev.mercado.catalog.domain.Stock;
import dev.mercado.orders.api.OrdersTopics;
import dev.mercado.platform.events.CloudEvent;
import dev.mercado.platform.events.CloudEventJson;
import dev.mercado.platform.inbox.DeadLetters;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Catalog as a participant of the order saga, driven the way orders drives it: CloudEvent commands
 * on orders' real topics, answers read from catalog's real topics, state from its real database.
 */
class StockReservationSagaIT extends RunningCatalog {

  private static final String GROUP = "catalog";

  @Autowired ProductAdministration administration;
  @Autowired ProductCatalog catalog;
  @Autowired JdbcClient jdbc;
  @Autowired DeadLetters deadLetters;

  private final CloudEventJson json = new CloudEventJson();

  @Test
  void reservesEveryLineAndAnswersStockReserved() {
    Product mug = aProductWithStock(10);
    Product pen = aProductWithStock(5);
    UUID order = UUID.randomUUID();

    EventLog.send(
        OrdersTopics.RESERVE_STOCK,
        reserveStock(order, line(mug.id().value(), 3), line(pen.id().value(), 5)));

    StockReserved answer = answer(CatalogTopics.STOCK_RESERVED, order, StockReserved.class);
    assertThat(answer.orderId()).isEqualTo(order);
    assertThat(answer.lines())
        .containsExactlyInAnyOrder(
            new StockLine(mug.id().value(), 3), new StockLine(pen.id().value(), 5));
    assertThat(stockOf(mug)).isEqualTo(new Stock(10, 3));
    assertThat(stockOf(pen)).isEqualTo(new Stock(5, 5));
    assertThat(state(order)).isEqualTo("RESERVED");
  }

  @Test
  void rejectsAnOrderOneOfWhoseLinesIsOutOfStockAndHoldsNothing() {
    Product plenty = aProductWithStock(10);
    Product scarce = aProductWithStock(1);
    UUID order = UUID.randomUUID();

    EventLog.send(
        OrdersTopics.RESERVE_STOCK,
        reserveStock(order, line(plenty.id().value(), 2), line(scarce.id().value(), 2)));

    StockRejected answer = answer(CatalogTopics.STOCK_REJECTED, order, StockRejected.class);
    assertThat(answer)
        .isEqualTo(new StockRejected(order, "out_of_stock", List.of(scarce.id().value())));
    assertThat(stockOf(plenty)).isEqualTo(Stock.of(10));
    assertThat(stockOf(scarce)).isEqualTo(Stock.of(1));
    assertThat(state(order)).isEqualTo("REJECTED");
  }

  @Test
  void rejectsAnOrderForAnUnknownProduct() {
    Product known = aProductWithStock(10);
    UUID unknown = UUID.randomUUID();
    UUID order = UUID.randomUUID();

    EventLog.send(
        OrdersTopics.RESERVE_STOCK,
        reserveStock(order, line(known.id().value(), 1), line(unknown, 1)));

    StockRejected answer = answer(CatalogTopics.STOCK_REJECTED, order, StockRejected.class);
    assertThat(answer).isEqualTo(new StockRejected(order, "unknown_product", List.of(unknown)));
    assertThat(stockOf(known)).isEqualTo(Stock.of(10));
  }

  @Test
  void reservesOnceWhenKafkaDeliversTheSameCommandTwice() {
    Product product = aProductWithStock(10);
    UUID order = UUID.randomUUID();
    CloudEvent command = reserveStock(order, line(product.id().value(), 4));

    EventLog.send(OrdersTopics.RESERVE_STOCK, command);
    RecordMetadata again = EventLog.send(OrdersTopics.RESERVE_STOCK, command);
    EventLog.awaitConsumed(GROUP, again);

    answer(CatalogTopics.STOCK_RESERVED, order, StockReserved.class);
    assertThat(answersGiven(CatalogTopics.STOCK_RESERVED, order)).isEqualTo(1);
    assertThat(stockOf(product)).isEqualTo(new Stock(10, 4));
  }

  @Test
  void answersARepeatedCommandForTheSameOrderWithTheFirstOutcome() {
    Product product = aProductWithStock(10);
    UUID order = UUID.randomUUID();
    CloudEvent command = reserveStock(order, line(product.id().value(), 4));

    EventLog.send(OrdersTopics.RESERVE_STOCK, command);
    EventLog.send(OrdersTopics.RESERVE_STOCK, resent(command));

    List<StockReserved> answers =
        EventLog.events(CatalogTopics.STOCK_RESERVED, order.toString(), found -> found.size() >= 2)
            .stream()
            .map(event -> json.data(event, StockReserved.class))
            .toList();
    assertThat(answers).hasSize(2);
    assertThat(answers.get(1)).isEqualTo(answers.get(0));
    assertThat(stockOf(product)).isEqualTo(new Stock(10, 4));
    assertThat(reservationLines(order)).isEqualTo(1);
  }

  @Test
  void answersARepeatedRejectedCommandWithTheSameRejection() {
    Product product = aProductWithStock(1);
    UUID order = UUID.randomUUID();
    CloudEvent command = reserveStock(order, line(product.id().value(), 2));

    EventLog.send(OrdersTopics.RESERVE_STOCK, command);
    answer(CatalogTopics.STOCK_REJECTED, order, StockRejected.class);
    administration.restock(product.id(), 5);
    EventLog.send(OrdersTopics.RESERVE_STOCK, resent(command));

    List<StockRejected> answers =
        EventLog.events(CatalogTopics.STOCK_REJECTED, order.toString(), found -> found.size() >= 2)
            .stream()
            .map(event -> json.data(event, StockRejected.class))
            .toList();
    assertThat(answers.get(1)).isEqualTo(answers.get(0));
    assertThat(stockOf(product)).isEqualTo(Stock.of(6));
  }

  @Test
  void releasesAReservationAndRestoresTheStock() {
    Product product = aProductWithStock(10);
    UUID order = UUID.randomUUID();
    EventLog.send(OrdersTopics.RESERVE_STOCK, reserveStock(order, line(product.id().value(), 6)));
    answer(CatalogTopics.STOCK_RESERVED, order, StockReserved.class);

    EventLog.send(OrdersTopics.RELEASE_STOCK, releaseStock(order));

    assertThat(answer(CatalogTopics.STOCK_RELEASED, order, StockReleased.class))
        .isEqualTo(new StockReleased(order));
    assertThat(stockOf(product)).isEqualTo(Stock.of(10));
    assertThat(state(order)).isEqualTo("RELEASED");
  }

  @Test
  void rejectsAReservationArrivingAfterTheOrderWasReleased() {
    Product product = aProductWithStock(10);
    UUID order = UUID.randomUUID();

    EventLog.send(OrdersTopics.RELEASE_STOCK, releaseStock(order));
    answer(CatalogTopics.STOCK_RELEASED, order, StockReleased.class);
    EventLog.send(OrdersTopics.RESERVE_STOCK, reserveStock(order, line(product.id().value(), 1)));

    assertThat(answer(CatalogTopics.STOCK_REJECTED, order, StockRejected.class))
        .isEqualTo(new StockRejected(order, "already_released", List.of()));
    assertThat(stockOf(product)).isEqualTo(Stock.of(10));
  }

  @Test
  void answersEveryReleaseEvenWhenNothingIsHeld() {
    Product product = aProductWithStock(1);
    UUID order = UUID.randomUUID();
    EventLog.send(OrdersTopics.RESERVE_STOCK, reserveStock(order, line(product.id().value(), 5)));
    answer(CatalogTopics.STOCK_REJECTED, order, StockRejected.class);

    EventLog.send(OrdersTopics.RELEASE_STOCK, releaseStock(order));
    EventLog.send(OrdersTopics.RELEASE_STOCK, releaseStock(order));

    EventLog.events(CatalogTopics.STOCK_RELEASED, order.toString(), found -> found.size() >= 2);
    assertThat(stockOf(product)).isEqualTo(Stock.of(1));
    assertThat(state(order)).isEqualTo("REJECTED");
  }

  @Test
  void commitsTheReservedStockWhenTheOrderIsConfirmed() {
    Product product = aProductWithStock(10);
    UUID order = UUID.randomUUID();
    EventLog.send(OrdersTopics.RESERVE_STOCK, reserveStock(order, line(product.id().value(), 4)));
    answer(CatalogTopics.STOCK_RESERVED, order, StockReserved.class);

    RecordMetadata confirmed = EventLog.send(OrdersTopics.ORDER_CONFIRMED, orderConfirmed(order));
    EventLog.awaitConsumed(GROUP, confirmed);

    assertThat(stockOf(product)).isEqualTo(Stock.of(6));
    assertThat(state(order)).isEqualTo("COMMITTED");
  }

  @Test
  void reservesTheLastUnitsExactlyOnceUnderConcurrentOrders() {
    Product product = aProductWithStock(10);
    List<UUID> orders = IntStream.range(0, 20).mapToObj(i -> UUID.randomUUID()).toList();
    Set<String> keys = Set.copyOf(orders.stream().map(UUID::toString).toList());

    EventLog.sendAll(
        OrdersTopics.RESERVE_STOCK,
        orders.stream().map(order -> reserveStock(order, line(product.id().value(), 1))).toList());

    List<CloudEvent> reserved = new ArrayList<>();
    List<CloudEvent> rejected = new ArrayList<>();
    await()
        .atMost(EventLog.PATIENCE)
        .until(
            () -> {
              reserved.clear();
              rejected.clear();
              reserved.addAll(answersTo(CatalogTopics.STOCK_RESERVED, keys));
              rejected.addAll(answersTo(CatalogTopics.STOCK_REJECTED, keys));
              return reserved.size() + rejected.size() >= orders.size();
            });
    assertThat(reserved).hasSize(10);
    assertThat(rejected)
        .hasSize(10)
        .allSatisfy(
            event ->
                assertThat(json.data(event, StockRejected.class).reason())
                    .isEqualTo("out_of_stock"));
    assertThat(stockOf(product)).isEqualTo(new Stock(10, 10));
  }

  @Test
  void parksAMalformedCommandOnTheDeadLetterTopicWithoutRetrying() {
    Product product = aProductWithStock(10);
    UUID order = UUID.randomUUID();
    CloudEvent malformed = reserveStock(order, line(product.id().value(), 0));

    EventLog.send(OrdersTopics.RESERVE_STOCK, malformed);

    await()
        .atMost(EventLog.PATIENCE)
        .until(
            () ->
                deadLetters.list(OrdersTopics.RESERVE_STOCK + ".dlt", 1_000).stream()
                    .anyMatch(letter -> letter.value().contains(malformed.id())));
    assertThat(stockOf(product)).isEqualTo(Stock.of(10));
    assertThat(reservationLines(order)).isZero();
  }

  private Product aProductWithStock(int onHand) {
    return administration.create(
        "SAGA-" + UUID.randomUUID().toString().substring(0, 8),
        "Saga test product",
        "",
        Money.of("10.00", "EUR"),
        onHand);
  }

  private <T> T answer(String topic, UUID order, Class<T> type) {
    return json.data(EventLog.first(topic, order.toString()), type);
  }

  private List<CloudEvent> answersTo(String topic, Set<String> keys) {
    return EventLog.all(topic, record -> keys.contains(record.key()));
  }

  private Stock stockOf(Product product) {
    return catalog.product(product.id()).map(Product::stock).orElseThrow();
  }

  private String state(UUID order) {
    return jdbc.sql("SELECT state FROM reservation WHERE order_id = ?")
        .param(order)
        .query(String.class)
        .single();
  }

  private int reservationLines(UUID order) {
    return jdbc.sql("SELECT count(*) FROM reservation_line WHERE order_id = ?")
        .param(order)
        .query(Integer.class)
        .single();
  }

  /** Every answer catalog committed for the order: each one is a row of its outbox. */
  private int answersGiven(String topic, UUID order) {
    return jdbc.sql("SELECT count(*) FROM outbox_message WHERE topic = ? AND message_key = ?")
        .params(topic, order.toString())
        .query(Integer.class)
        .single();
  }
}
