package dev.mercado.orders.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercado.orders.domain.Money;
import dev.mercado.orders.domain.Order;
import dev.mercado.orders.domain.OrderId;
import dev.mercado.orders.domain.OrderLine;
import dev.mercado.orders.domain.OrderRepository;
import dev.mercado.orders.domain.OrderStatus;
import dev.mercado.orders.domain.Transition;
import dev.mercado.testkit.Infrastructure;
import dev.mercado.testkit.TestIdentity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An order comes back from PostgreSQL as it went in, lines and history in their order, whether read
 * or locked: both read it in one statement of arrays (docs/performance.md), and lines and history
 * are written in one multi-row statement each.
 */
@SpringBootTest
class JdbcOrderRepositoryIT {

  private static final Currency EUR = Currency.getInstance("EUR");

  @Autowired OrderRepository orders;
  @Autowired TransactionTemplate transaction;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "orders");
    registry.add("spring.kafka.bootstrap-servers", Infrastructure::kafka);
    TestIdentity.register(registry);
  }

  @Test
  void readsAndLocksAnOrderWithItsLinesAndHistoryInTheirOrder() {
    Instant placed = Instant.now().truncatedTo(ChronoUnit.MICROS);
    List<OrderLine> lines =
        List.of(
            new OrderLine(UUID.randomUUID(), "Café em grão", 2, money("12.50")),
            new OrderLine(UUID.randomUUID(), "Moedor", 1, money("89.90")),
            new OrderLine(UUID.randomUUID(), "Filtro, papel \"n.º 4\"", 3, money("0.99")));
    List<Transition> history = new ArrayList<>();
    history.add(new Transition(null, OrderStatus.PENDING, "placed", placed));
    history.add(
        new Transition(
            OrderStatus.PENDING, OrderStatus.STOCK_RESERVED, null, placed.plusMillis(40)));
    Order order = order(lines, history, OrderStatus.STOCK_RESERVED, placed);
    transaction.executeWithoutResult(status -> orders.insert(order));

    assertSame(orders.find(order.id()).orElseThrow(), order);
    Order locked = transaction.execute(status -> orders.lock(order.id()).orElseThrow());
    assertSame(locked, order);

    history.add(
        new Transition(
            OrderStatus.STOCK_RESERVED, OrderStatus.PAID, "paid", placed.plusMillis(90)));
    history.add(
        new Transition(OrderStatus.PAID, OrderStatus.CONFIRMED, null, placed.plusMillis(95)));
    Order confirmed =
        new Order(
            order.id(),
            order.customerId(),
            lines,
            order.total(),
            order.cardToken(),
            placed,
            history,
            OrderStatus.CONFIRMED,
            null,
            null);
    transaction.executeWithoutResult(status -> orders.update(confirmed));
    assertSame(orders.find(order.id()).orElseThrow(), confirmed);
    assertThat(orders.find(OrderId.random())).isEmpty();
  }

  private static Order order(
      List<OrderLine> lines, List<Transition> history, OrderStatus status, Instant placed) {
    return new Order(
        OrderId.random(),
        "c-42",
        lines,
        money("117.87"),
        "tok_visa",
        placed,
        history,
        status,
        placed.plusSeconds(30),
        null);
  }

  private static void assertSame(Order read, Order written) {
    assertThat(read)
        .usingRecursiveComparison()
        .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
        .isEqualTo(written);
  }

  private static Money money(String amount) {
    return new Money(new BigDecimal(amount), EUR);
  }
}
