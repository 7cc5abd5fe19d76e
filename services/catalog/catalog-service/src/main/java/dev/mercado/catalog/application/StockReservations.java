package dev.mercado.catalog.application;

import dev.mercado.catalog.api.CatalogTopics;
import dev.mercado.catalog.api.StockLine;
import dev.mercado.catalog.api.StockRejected;
import dev.mercado.catalog.api.StockReleased;
import dev.mercado.catalog.api.StockReserved;
import dev.mercado.catalog.domain.OrderId;
import dev.mercado.catalog.domain.Product;
import dev.mercado.catalog.domain.ProductId;
import dev.mercado.catalog.domain.ProductRepository;
import dev.mercado.catalog.domain.Reservation;
import dev.mercado.catalog.domain.ReservationLine;
import dev.mercado.catalog.domain.ReservationRepository;
import dev.mercado.catalog.domain.StockMovement;
import dev.mercado.platform.observability.Committed;
import dev.mercado.platform.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Catalog's part of the order saga: reserving, releasing and committing an order's stock. Each
 * method is one transaction (joining the inbox's, when called from a listener), and every answer to
 * orders is appended to the outbox inside it, keyed by the order id.
 *
 * <p>Concurrency: product rows are locked in id order before their stock is read, so concurrent
 * reservations of one product queue on its row and can never both take the last unit, and two
 * orders never deadlock on each other's products. The reservation row (its primary key, order id)
 * serialises commands for the same order; a command that loses the race for it answers with the
 * winner's outcome. The database's CHECK constraints refuse negative stock should all of this fail.
 */
@Service
@Transactional
public class StockReservations {

  private static final Logger log = LoggerFactory.getLogger(StockReservations.class);

  private final ProductRepository products;
  private final ReservationRepository reservations;
  private final Outbox outbox;
  private final Clock clock;
  private final MeterRegistry registry;

  StockReservations(
      ProductRepository products,
      ReservationRepository reservations,
      Outbox outbox,
      Clock clock,
      MeterRegistry registry) {
    this.products = products;
    this.reservations = reservations;
    this.outbox = outbox;
    this.clock = clock;
    this.registry = registry;
  }

  /**
   * Reserves every line or none, answering {@code StockReserved} or {@code StockRejected}.
   * Idempotent per order: if the order already has a reservation (a repeated command, or one
   * released first), nothing moves and the answer is the recorded outcome again.
   */
  public void reserve(OrderId orderId, List<ReservationLine> lines) {
    Optional<Reservation> recorded = reservations.lock(orderId);
    if (recorded.isPresent()) {
      log.info("order {} asked to reserve again: answering its recorded outcome", orderId);
      answerReservation(recorded.get());
      return;
    }
    StockMovement movement =
        Reservation.place(
            orderId,
            lines,
            lockAll(lines.stream().map(ReservationLine::productId).toList()),
            clock.instant());
    if (!reservations.insert(movement.reservation())) {
      // a command for the same order committed its reservation while we were deciding
      answerReservation(reservations.lock(orderId).orElseThrow());
      return;
    }
    movement.products().forEach(products::update);
    answerReservation(movement.reservation());
    String outcome = movement.reservation().rejection().isPresent() ? "rejected" : "reserved";
    log.info("order {} stock {}", orderId, outcome);
    Committed.afterCommit(
        () ->
            Counter.builder("mercado.catalog.stock.reservations")
                .description("orders' stock reservations decided, by outcome (O1)")
                .baseUnit("reservations")
                .tag("outcome", outcome)
                .register(registry)
                .increment());
  }

  /**
   * Releases whatever is held for the order and answers {@code StockReleased}, always. With no
   * reservation yet, records the order as released so that a late reservation request is rejected
   * ({@code already_released}); released, rejected or committed orders change nothing.
   */
  public void release(OrderId orderId) {
    Optional<Reservation> recorded = reservations.lock(orderId);
    if (recorded.isEmpty()) {
      if (reservations.insert(Reservation.releasedBeforePlaced(orderId, clock.instant()))) {
        answerReleased(orderId);
        return;
      }
      recorded = reservations.lock(orderId);
    }
    Reservation reservation = recorded.orElseThrow();
    if (reservation.holdsStock()) {
      store(reservation.release(lockAll(reservation.productIds()), clock.instant()));
    } else {
      log.info("order {} is {}: nothing to release", orderId, reservation.state());
    }
    answerReleased(orderId);
  }

  /**
   * The order is confirmed: its reserved units leave the stock. Nothing is answered. An order that
   * holds nothing (never reserved, rejected, released, committed already) changes nothing.
   */
  public void commit(OrderId orderId) {
    Optional<Reservation> recorded = reservations.lock(orderId);
    if (recorded.isEmpty() || !recorded.get().holdsStock()) {
      log.warn(
          "order {} confirmed but holds no stock ({}): nothing to commit",
          orderId,
          recorded.map(Reservation::state).map(Enum::name).orElse("no reservation"));
      return;
    }
    Reservation reservation = recorded.get();
    store(reservation.commit(lockAll(reservation.productIds()), clock.instant()));
  }

  private void store(StockMovement movement) {
    reservations.update(movement.reservation());
    movement.products().forEach(products::update);
  }

  private Map<ProductId, Product> lockAll(Collection<ProductId> ids) {
    return products.lockAll(ids).stream()
        .collect(Collectors.toMap(Product::id, Function.identity()));
  }

  private void answerReservation(Reservation reservation) {
    String subject = reservation.orderId().toString();
    reservation
        .rejection()
        .ifPresentOrElse(
            reason ->
                outbox.append(
                    CatalogTopics.STOCK_REJECTED,
                    CatalogTopics.STOCK_REJECTED,
                    subject,
                    new StockRejected(
                        reservation.orderId().value(),
                        reason.code(),
                        reservation.culprits().stream().map(ProductId::value).sorted().toList())),
            () ->
                outbox.append(
                    CatalogTopics.STOCK_RESERVED,
                    CatalogTopics.STOCK_RESERVED,
                    subject,
                    new StockReserved(
                        reservation.orderId().value(),
                        reservation.lines().stream()
                            .map(line -> new StockLine(line.productId().value(), line.quantity()))
                            .toList())));
  }

  private void answerReleased(OrderId orderId) {
    outbox.append(
        CatalogTopics.STOCK_RELEASED,
        CatalogTopics.STOCK_RELEASED,
        orderId.toString(),
        new StockReleased(orderId.value()));
  }
}
