package dev.mercado.orders.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercado.orders.domain.SagaEvent.DeadlinePassed;
import dev.mercado.orders.domain.SagaEvent.PaymentAuthorized;
import dev.mercado.orders.domain.SagaEvent.PaymentDeclined;
import dev.mercado.orders.domain.SagaEvent.StockRejected;
import dev.mercado.orders.domain.SagaEvent.StockReleased;
import dev.mercado.orders.domain.SagaEvent.StockReserved;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderSagaTest {

  private static final SagaDeadlines DEADLINES =
      new SagaDeadlines(Duration.ofSeconds(120), Duration.ofSeconds(10));
  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final List<SagaEvent> EVERY_EVENT =
      List.of(
          new StockReserved(),
          new StockRejected("out_of_stock"),
          new StockReleased(),
          new PaymentAuthorized(),
          new PaymentDeclined("insufficient_funds"),
          new DeadlinePassed());

  static Order anOrder() {
    Money price = new Money(new BigDecimal("12.50"), Currency.getInstance("EUR"));
    return Order.place(
        OrderId.random(),
        "c-1",
        List.of(new OrderLine(UUID.randomUUID(), "Enamel mug", 2, price)),
        "tok_visa",
        NOW,
        DEADLINES);
  }

  @Test
  void confirmsAfterStockAndPaymentPassingThroughPaid() {
    Order order = anOrder();

    assertThat(order.handle(new StockReserved(), NOW, DEADLINES))
        .containsExactly(SagaAction.AUTHORIZE_PAYMENT);
    assertThat(order.handle(new PaymentAuthorized(), NOW, DEADLINES))
        .containsExactly(SagaAction.PUBLISH_CONFIRMED);

    assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
    assertThat(order.deadline()).isNull();
    assertThat(order.history())
        .extracting(Transition::to)
        .containsExactly(
            OrderStatus.PENDING,
            OrderStatus.STOCK_RESERVED,
            OrderStatus.PAID,
            OrderStatus.CONFIRMED);
    assertThat(order.total().amount()).isEqualByComparingTo("25.00");
  }

  @Test
  void rejectsWhenStockIsInsufficient() {
    Order order = anOrder();

    assertThat(order.handle(new StockRejected("out_of_stock"), NOW, DEADLINES))
        .containsExactly(SagaAction.PUBLISH_REJECTED);

    assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
    assertThat(order.rejectionReason()).isEqualTo("out_of_stock");
  }

  @Test
  void releasesTheStockThenCancelsWhenThePaymentIsDeclined() {
    Order order = anOrder();
    order.handle(new StockReserved(), NOW, DEADLINES);

    assertThat(order.handle(new PaymentDeclined("insufficient_funds"), NOW, DEADLINES))
        .containsExactly(SagaAction.RELEASE_STOCK);
    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLING);
    assertThat(order.handle(new StockReleased(), NOW, DEADLINES))
        .containsExactly(SagaAction.PUBLISH_CANCELLED);

    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(order.cancellationReason()).isEqualTo("payment_declined:insufficient_funds");
  }

  @Test
  void compensatesWhenTheOrderIsNotDecidedInTime() {
    Order order = anOrder();
    assertThat(order.deadline()).isEqualTo(NOW.plusSeconds(120));
    order.handle(new StockReserved(), NOW.plusSeconds(70), DEADLINES);
    assertThat(order.deadline())
        .as("one decision deadline from placement, not a fresh one per step")
        .isEqualTo(NOW.plusSeconds(120));

    Instant late = NOW.plusSeconds(121);
    assertThat(order.handle(new DeadlinePassed(), late, DEADLINES))
        .containsExactly(SagaAction.RELEASE_STOCK);
    assertThat(order.cancellationReason()).isEqualTo("deadline:STOCK_RESERVED");
    assertThat(order.deadline()).isEqualTo(late.plusSeconds(10));
    assertThat(order.handle(new DeadlinePassed(), late.plusSeconds(11), DEADLINES))
        .as("asks again while the release is not confirmed")
        .containsExactly(SagaAction.RELEASE_STOCK);
  }

  @Test
  void refundsAPaymentThatArrivesAfterTheOrderStoppedWaitingForIt() {
    Order order = anOrder();
    order.handle(new StockReserved(), NOW, DEADLINES);
    order.handle(new DeadlinePassed(), NOW, DEADLINES);
    order.handle(new StockReleased(), NOW, DEADLINES);

    assertThat(order.handle(new PaymentAuthorized(), NOW, DEADLINES))
        .containsExactly(SagaAction.REFUND_PAYMENT);
    assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void ignoresDuplicateAndOutOfPlaceAnswers() {
    Order order = anOrder();
    order.handle(new StockReserved(), NOW, DEADLINES);

    assertThat(order.handle(new StockReserved(), NOW, DEADLINES)).isEmpty();
    assertThat(order.handle(new StockReleased(), NOW, DEADLINES)).isEmpty();
    assertThat(order.status()).isEqualTo(OrderStatus.STOCK_RESERVED);
  }

  /** Randomized: 2 000 random event sequences, each of up to 30 events, fixed seed. */
  @Test
  void neverLeavesAFinalState() {
    Random random = new Random(20261126L);
    for (int run = 0; run < 2_000; run++) {
      Order order = anOrder();
      OrderStatus finalStatus = null;
      for (int i = 0; i < 30; i++) {
        order.handle(EVERY_EVENT.get(random.nextInt(EVERY_EVENT.size())), NOW, DEADLINES);
        if (finalStatus != null) {
          assertThat(order.status()).isEqualTo(finalStatus);
        } else if (order.status().isFinal()) {
          finalStatus = order.status();
        }
      }
    }
  }

  /**
   * Randomized: participants answer each command late, twice or not at all, and deadlines fire at
   * random; as long as a release is eventually answered, every order ends in a final state.
   */
  @Test
  void everyPathEndsFinalWhenParticipantsEventuallyAnswer() {
    Random random = new Random(42L);
    for (int run = 0; run < 2_000; run++) {
      Order order = anOrder();
      List<SagaEvent> inFlight = new ArrayList<>();
      inFlight.add(random.nextBoolean() ? new StockReserved() : new StockRejected("out_of_stock"));
      for (int step = 0; step < 200 && !order.status().isFinal(); step++) {
        SagaEvent next;
        if (!inFlight.isEmpty() && random.nextInt(4) > 0) {
          next = inFlight.remove(random.nextInt(inFlight.size()));
        } else {
          next = new DeadlinePassed();
        }
        for (SagaAction action : order.handle(next, NOW, DEADLINES)) {
          switch (action) {
            case AUTHORIZE_PAYMENT ->
                inFlight.add(
                    random.nextBoolean()
                        ? new PaymentAuthorized()
                        : new PaymentDeclined("card_declined"));
            case RELEASE_STOCK -> inFlight.add(new StockReleased());
            default -> {}
          }
        }
        if (random.nextInt(10) == 0 && !inFlight.isEmpty()) {
          inFlight.add(inFlight.get(0)); // a duplicate delivery
        }
      }
      assertThat(order.status().isFinal()).as("run %d ended %s", run, order.status()).isTrue();
    }
  }
}
