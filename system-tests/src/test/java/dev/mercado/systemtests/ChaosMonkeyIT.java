package dev.mercado.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Chaos Monkey inside a service (F8, R6, R8, R12): while half of catalog's use-case calls throw, on
 * every catalog instance, every checkout saga still ends CONFIRMED, CANCELLED or REJECTED. Catalog
 * is the saga's first participant and its last: a reservation that throws is retried by the inbox
 * and, failing five times, dead-lettered, and then only the order's deadline and the compensation
 * (release-stock, itself thrown at) can end the saga. Stock must add up afterwards. When every call
 * throws, the sagas are cancelled, and end once catalog has ended the assault by itself.
 */
@Order(8)
class ChaosMonkeyIT {

  private static final Duration ALL_FINAL = Duration.ofMinutes(4);
  private static final int ORDERS = 12;
  private static final Pattern COUNT =
      Pattern.compile("\"statistic\":\"COUNT\",\"value\":([0-9.Ee+-]+)");
  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static RunningSystem system;
  private static Shop shop;

  @BeforeAll
  static void openTheShop() throws Exception {
    system = RunningSystem.get();
    shop = new Shop(system);
  }

  @AfterEach
  void stopTheMonkey() throws Exception {
    RunningSystem.mercado("chaos", "catalog", "clear");
  }

  @Test
  void everySagaEndsFinalWhileHalfOfCatalogsCallsThrow() throws Exception {
    // before the assault: catalog's admin API and product page are use cases too
    UUID product = shop.product(100);
    assertThat(shop.awaitFinal(shop.orderWhenKnown(product, 1, "tok_visa"), ALL_FINAL))
        .isEqualTo("CONFIRMED");
    int stockBefore = shop.availableStock(product);
    double thrownBefore = exceptionsThrownByCatalog();

    RunningSystem.CommandResult on =
        RunningSystem.mercado("chaos", "catalog", "exception", "rate", "0.5", "for", "600");
    assertThat(on.exitCode()).as(on.output()).isZero();
    assertThat(on.output()).contains("catalog: ", "catalog-2: ");
    assertThat(assaultedCatalogInstances()).isEqualTo(catalogInstances().size());

    List<String> orders = new ArrayList<>();
    for (int i = 0; i < ORDERS; i++) {
      // every fourth card is declined: the saga must also compensate under fire
      String card = i % 4 == 3 ? "tok_insufficient_funds" : "tok_visa";
      HttpResponse<String> placed = shop.place(UUID.randomUUID().toString(), product, 1, card);
      assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
      orders.add(Shop.id(placed));
    }

    Map<String, String> finals = new LinkedHashMap<>();
    await("every order final while catalog throws")
        .atMost(ALL_FINAL)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              for (String order : orders) {
                if (!finals.containsKey(order)) {
                  String status = shop.status(order);
                  if (List.of("CONFIRMED", "CANCELLED", "REJECTED").contains(status)) {
                    finals.put(order, status);
                  }
                }
              }
              return finals.size() == orders.size();
            });

    // they ended under fire, not because the assault ran out, and the monkey really threw
    assertThat(assaultedCatalogInstances()).isEqualTo(catalogInstances().size());
    assertThat(exceptionsThrownByCatalog()).isGreaterThan(thrownBefore);

    RunningSystem.CommandResult off = RunningSystem.mercado("chaos", "catalog", "clear");
    assertThat(off.exitCode()).as(off.output()).isZero();
    assertThat(assaultedCatalogInstances()).isZero();

    // compensation held: only confirmed orders took stock, nothing stays reserved for the others
    long confirmed = finals.values().stream().filter("CONFIRMED"::equals).count();
    await("stock of " + product + " adds up after " + finals)
        .atMost(ALL_FINAL)
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> shop.availableStock(product) == stockBefore - confirmed);
  }

  /**
   * Every reservation fails for 20 s: each is retried, then parked on the dead-letter topic (not
   * lost); the orders' deadlines cancel them, and the release-stock commands, thrown at as well,
   * are sent again until catalog takes one after the service itself has ended the assault.
   */
  @Test
  void everySagaIsCancelledWhenCatalogFailsEveryCallUntilTheAssaultEndsByItself() throws Exception {
    UUID product = shop.product(10);
    assertThat(shop.awaitFinal(shop.orderWhenKnown(product, 1, "tok_visa"), ALL_FINAL))
        .isEqualTo("CONFIRMED");
    int stockBefore = shop.availableStock(product);

    RunningSystem.CommandResult on =
        RunningSystem.mercado("chaos", "catalog", "exception", "for", "20");
    assertThat(on.exitCode()).as(on.output()).isZero();
    List<String> orders = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      HttpResponse<String> placed =
          shop.place(UUID.randomUUID().toString(), product, 1, "tok_visa");
      assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
      orders.add(Shop.id(placed));
    }

    await("catalog ends the assault by itself")
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> assaultedCatalogInstances() == 0);
    for (String order : orders) {
      assertThat(shop.awaitFinal(order, ALL_FINAL)).as(shop.order(order)).isEqualTo("CANCELLED");
    }
    // retried, then parked, never lost: the reservations wait on the dead-letter topic
    RunningSystem.CommandResult parked =
        RunningSystem.mercado("deadletters", "catalog", "orders.reserve-stock.dlt");
    assertThat(parked.output()).contains(orders);
    await("stock of " + product + " back to " + stockBefore)
        .atMost(ALL_FINAL)
        .until(() -> shop.availableStock(product) == stockBefore);
  }

  /**
   * How many catalog instances have an exception assault on, from {@code ./mercado chaos status}.
   */
  private static int assaultedCatalogInstances() throws Exception {
    RunningSystem.CommandResult status = RunningSystem.mercado("chaos", "status");
    assertThat(status.exitCode()).as(status.output()).isZero();
    int assaulted = 0;
    for (String line : status.output().split("\n")) {
      if (line.matches("catalog(-[0-9]+)?: .*") && line.contains("\"exceptionsActive\":true")) {
        assaulted++;
      }
    }
    return assaulted;
  }

  /** Exceptions Chaos Monkey threw in every catalog instance so far (its own counter). */
  private static double exceptionsThrownByCatalog() throws Exception {
    double thrown = 0;
    for (String url : catalogInstances()) {
      HttpResponse<String> metric =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(url + "/actuator/metrics/chaos.monkey.assault.exception.count"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (metric.statusCode() == 404) {
        continue; // nothing thrown there yet: the counter appears with its first exception
      }
      assertThat(metric.statusCode()).as(metric.body()).isEqualTo(200);
      Matcher count = COUNT.matcher(metric.body());
      assertThat(count.find()).as(metric.body()).isTrue();
      thrown += Double.parseDouble(count.group(1));
    }
    return thrown;
  }

  private static List<String> catalogInstances() {
    return system.urls.entrySet().stream()
        .filter(entry -> entry.getKey().matches("catalog(-[0-9]+)?"))
        .map(Map.Entry::getValue)
        .toList();
  }
}
