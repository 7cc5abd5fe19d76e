package dev.mercado.catalog.domain;

import static dev.mercado.catalog.domain.ProductTest.aProduct;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReservationTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");
  private static final Instant LATER = NOW.plusSeconds(60);

  private final OrderId order = new OrderId(UUID.randomUUID());
  private final Product mug = aProduct(10);
  private final Product pen = aProduct(2);

  @Test
  void reservesEveryLineWhenAllAreAvailable() {
    StockMovement movement =
        Reservation.place(order, List.of(line(mug, 3), line(pen, 2)), locked(mug, pen), NOW);

    assertThat(movement.reservation().state()).isEqualTo(ReservationState.RESERVED);
    assertThat(movement.reservation().rejection()).isEmpty();
    assertThat(movement.products())
        .extracting(Product::id, Product::stock)
        .containsExactlyInAnyOrder(
            tuple(mug.id(), new Stock(10, 3)), tuple(pen.id(), new Stock(2, 2)));
  }

  @Test
  void reservesNothingWhenOneLineIsShort() {
    StockMovement movement =
        Reservation.place(order, List.of(line(mug, 3), line(pen, 3)), locked(mug, pen), NOW);

    assertThat(movement.products()).isEmpty();
    assertThat(movement.reservation().state()).isEqualTo(ReservationState.REJECTED);
    assertThat(movement.reservation().rejection()).hasValue(RejectionReason.OUT_OF_STOCK);
    assertThat(movement.reservation().culprits()).containsExactly(pen.id());
  }

  @Test
  void countsUnitsAlreadyHeldForOtherOrders() {
    Product busy = pen.withStock(new Stock(2, 1));

    StockMovement movement = Reservation.place(order, List.of(line(busy, 2)), locked(busy), NOW);

    assertThat(movement.reservation().rejection()).hasValue(RejectionReason.OUT_OF_STOCK);
  }

  @Test
  void rejectsAnUnknownProductBeforeLookingAtStock() {
    ProductId unknown = new ProductId(UUID.randomUUID());

    StockMovement movement =
        Reservation.place(
            order, List.of(line(pen, 5), new ReservationLine(unknown, 1)), locked(pen), NOW);

    assertThat(movement.products()).isEmpty();
    assertThat(movement.reservation().rejection()).hasValue(RejectionReason.UNKNOWN_PRODUCT);
    assertThat(movement.reservation().culprits()).containsExactly(unknown);
  }

  @Test
  void addsUpLinesOfTheSameProduct() {
    StockMovement movement =
        Reservation.place(order, List.of(line(pen, 1), line(pen, 2)), locked(pen), NOW);

    assertThat(movement.reservation().rejection()).hasValue(RejectionReason.OUT_OF_STOCK);
    assertThat(movement.reservation().lines()).containsExactly(line(pen, 3));
  }

  @Test
  void refusesAnOrderWithoutLines() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Reservation.place(order, List.of(), locked(mug), NOW));
  }

  @Test
  void releasingGivesTheHeldUnitsBack() {
    Reservation reserved = reserved(line(mug, 4));
    Product held = mug.withStock(new Stock(10, 4));

    StockMovement movement = reserved.release(locked(held), LATER);

    assertThat(movement.reservation().state()).isEqualTo(ReservationState.RELEASED);
    assertThat(movement.reservation().updatedAt()).isEqualTo(LATER);
    assertThat(movement.products())
        .singleElement()
        .extracting(Product::stock)
        .isEqualTo(Stock.of(10));
  }

  @Test
  void committingTakesTheHeldUnitsOffTheShelf() {
    Reservation reserved = reserved(line(mug, 4));
    Product held = mug.withStock(new Stock(10, 4));

    StockMovement movement = reserved.commit(locked(held), LATER);

    assertThat(movement.reservation().state()).isEqualTo(ReservationState.COMMITTED);
    assertThat(movement.products())
        .singleElement()
        .extracting(Product::stock)
        .isEqualTo(Stock.of(6));
    assertThat(movement.reservation().rejection()).isEmpty();
  }

  @Test
  void onlyAHeldReservationMovesStock() {
    Reservation released =
        reserved(line(mug, 4))
            .release(locked(mug.withStock(new Stock(10, 4))), LATER)
            .reservation();
    Reservation rejected =
        Reservation.place(order, List.of(line(pen, 9)), locked(pen), NOW).reservation();

    assertThat(released.release(locked(mug), LATER).products()).isEmpty();
    assertThat(released.commit(locked(mug), LATER).products()).isEmpty();
    assertThat(rejected.release(locked(pen), LATER).products()).isEmpty();
    assertThat(rejected.commit(locked(pen), LATER).products()).isEmpty();
  }

  @Test
  void anOrderReleasedBeforeItWasReservedAnswersAlreadyReleased() {
    Reservation released = Reservation.releasedBeforePlaced(order, NOW);

    assertThat(released.state()).isEqualTo(ReservationState.RELEASED);
    assertThat(released.holdsStock()).isFalse();
    assertThat(released.rejection()).hasValue(RejectionReason.ALREADY_RELEASED);
  }

  private Reservation reserved(ReservationLine... lines) {
    Map<ProductId, Product> products = locked(mug, pen);
    return Reservation.place(order, List.of(lines), products, NOW).reservation();
  }

  private static ReservationLine line(Product product, int quantity) {
    return new ReservationLine(product.id(), quantity);
  }

  private static Map<ProductId, Product> locked(Product... products) {
    return Stream.of(products).collect(Collectors.toMap(Product::id, Function.identity()));
  }
}
