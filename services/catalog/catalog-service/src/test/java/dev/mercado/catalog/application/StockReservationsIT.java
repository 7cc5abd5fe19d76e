package dev.mercado.catalog.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercado.catalog.RunningCatalog;
import dev.mercado.catalog.domain.Money;
import dev.mercado.catalog.domain.OrderId;
import dev.mercado.catalog.domain.Product;
import dev.mercado.catalog.domain.ReservationLine;
import dev.mercado.catalog.domain.Stock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reservations racing each other in real PostgreSQL transactions, many more at once than the
 * listeners run: the row locks, not the luck of scheduling, keep the stock right.
 */
class StockReservationsIT extends RunningCatalog {

  @Autowired StockReservations reservations;
  @Autowired ProductAdministration administration;
  @Autowired ProductCatalog catalog;
  @Autowired JdbcClient jdbc;

  @Test
  void twentySimultaneousOrdersForTenUnitsGetExactlyTen() throws Exception {
    Product product = aProductWithStock(10);
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Void>> orders = new ArrayList<>();
    List<UUID> orderIds = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      UUID orderId = UUID.randomUUID();
      orderIds.add(orderId);
      orders.add(
          () -> {
            start.await();
            reservations.reserve(
                new OrderId(orderId), List.of(new ReservationLine(product.id(), 1)));
            return null;
          });
    }

    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Future<Void>> results = new ArrayList<>();
      orders.forEach(order -> results.add(pool.submit(order)));
      start.countDown();
      for (Future<Void> result : results) {
        result.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(catalog.product(product.id()).map(Product::stock)).hasValue(new Stock(10, 10));
    assertThat(statesOf(orderIds)).containsOnlyKeys("RESERVED", "REJECTED");
    assertThat(statesOf(orderIds)).containsEntry("RESERVED", 10).containsEntry("REJECTED", 10);
  }

  @Test
  void crossingOrdersOfTheSameProductsNeverDeadlock() throws Exception {
    Product a = aProductWithStock(100);
    Product b = aProductWithStock(100);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> results = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        // half the orders name a before b, the other half b before a
        List<ReservationLine> lines =
            i % 2 == 0
                ? List.of(new ReservationLine(a.id(), 1), new ReservationLine(b.id(), 1))
                : List.of(new ReservationLine(b.id(), 1), new ReservationLine(a.id(), 1));
        OrderId order = new OrderId(UUID.randomUUID());
        results.add(pool.submit(() -> reservations.reserve(order, lines)));
      }
      for (Future<?> result : results) {
        result.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(catalog.product(a.id()).map(Product::stock)).hasValue(new Stock(100, 40));
    assertThat(catalog.product(b.id()).map(Product::stock)).hasValue(new Stock(100, 40));
  }

  private Map<String, Integer> statesOf(List<UUID> orderIds) {
    Map<String, Integer> states = new HashMap<>();
    for (UUID orderId : orderIds) {
      String state =
          jdbc.sql("SELECT state FROM reservation WHERE order_id = ?")
              .param(orderId)
              .query(String.class)
              .single();
      states.merge(state, 1, Integer::sum);
    }
    return states;
  }

  private Product aProductWithStock(int onHand) {
    return administration.create(
        "RACE-" + UUID.randomUUID().toString().substring(0, 8),
        "Contested product",
        "",
        Money.of("1.00", "EUR"),
        onHand);
  }
}
