package dev.mercado.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Chaos Monkey inside a service (F8, R6, R8, R12) when every call fails: catalog's reservations are
 * retried by the inbox, then parked on the dead-letter topic, not lost; the orders' deadlines
 * cancel the sagas; and the assault ends by itself, without anyone clearing it. Half of the calls
 * failing under a stream of checkouts is a row of {@link FaultSuiteIT}.
 */
@Order(8)
class ChaosMonkeyIT {

  private static final Duration ALL_FINAL = Duration.ofMinutes(4);

  private static Shop shop;

  @BeforeAll
  static void openTheShop() throws Exception {
    // two minutes of retries and deadlines in the services' own code, which does not change with
    // the servers underneath: CI runs it once, on the embedded infrastructure
    assumeFalse(
        RunningSystem.local(),
        "run once, in the embedded pass: what it proves does not depend on the servers");
    RunningSystem system = RunningSystem.get();
    shop = new Shop(system);
  }

  @AfterEach
  void stopTheMonkey() throws Exception {
    RunningSystem.mercado("chaos", "catalog", "clear");
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
}
