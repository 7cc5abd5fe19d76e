package dev.mercado.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * {@code ./mercado chaos} breaks a dependency on purpose (R6, F8): payments reaches the payment
 * provider through the fault proxy, so latency switched on there shows in the saga's own timing,
 * and a reset removes it.
 */
@Order(7)
class ChaosIT {

  private static Shop shop;

  @BeforeAll
  static void openTheShop() throws Exception {
    shop = new Shop(RunningSystem.get());
  }

  @AfterEach
  void repair() throws Exception {
    RunningSystem.mercado("chaos", "reset");
  }

  @Test
  void latencyOnTheProviderRouteSlowsThePaymentStepOnly() throws Exception {
    UUID product = shop.product(5);
    shop.orderWhenKnown(product, 1, "tok_visa");

    RunningSystem.CommandResult slowed =
        RunningSystem.mercado("chaos", "payment-provider", "latency", "300", "for", "60");
    assertThat(slowed.exitCode()).as(slowed.output()).isZero();
    assertThat(RunningSystem.mercado("chaos", "status").output()).contains("\"latencyMs\":300");

    String order = shop.orderWhenKnown(product, 1, "tok_visa");
    assertThat(shop.awaitFinal(order, Duration.ofSeconds(60))).isEqualTo("CONFIRMED");
    String history = shop.order(order);
    // 300 ms each way on the authorization call: the reserved -> paid step takes over 0.55 s
    assertThat(Duration.between(at(history, "STOCK_RESERVED"), at(history, "PAID")))
        .isGreaterThan(Duration.ofMillis(550));

    RunningSystem.CommandResult reset = RunningSystem.mercado("chaos", "reset");
    assertThat(reset.exitCode()).as(reset.output()).isZero();
    assertThat(RunningSystem.mercado("chaos", "status").output())
        .doesNotContain("\"latencyMs\":300");
  }

  /**
   * Fault isolation (F8): with every call to the primary provider held 3 s each way, only payments'
   * Kafka listeners wait (its timeout, breaker and the alternative provider take over); orders are
   * still accepted at once and the catalogue still answers. How fast it answers is measured by
   * bench/fault-isolation.sh, not asserted here.
   */
  @Test
  void aProviderSlowedToSecondsBlocksNeitherOrderAcceptanceNorBrowsing() throws Exception {
    UUID product = shop.product(20);
    shop.orderWhenKnown(product, 1, "tok_visa");

    RunningSystem.CommandResult slowed =
        RunningSystem.mercado("chaos", "payment-provider", "latency", "3000", "for", "120");
    assertThat(slowed.exitCode()).as(slowed.output()).isZero();
    List<String> orders = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> placed =
          shop.place(UUID.randomUUID().toString(), product, 1, "tok_visa");
      assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
      orders.add(Shop.id(placed));
      assertThat(shop.availableStock(product)).isBetween(0, 20);
    }

    // paid through the alternative provider once the primary's calls time out or its breaker
    // opens; on a busy machine a payment may miss the saga's 20 s deadline, which cancels cleanly
    for (String order : orders) {
      assertThat(shop.awaitFinal(order, Duration.ofSeconds(120))).isIn("CONFIRMED", "CANCELLED");
    }
  }

  @Test
  void refusesAnUnknownFaultWithItsUsage() throws Exception {
    RunningSystem.CommandResult wrong =
        RunningSystem.mercado("chaos", "payment-provider", "earthquake");

    assertThat(wrong.exitCode()).isEqualTo(2);
    assertThat(wrong.output()).contains("unknown fault earthquake", "Usage: ./mercado chaos");
  }

  private static Instant at(String history, String state) {
    Matcher matcher =
        Pattern.compile("\"to\":\"" + state + "\",\"reason\":[^,]*,\"at\":\"([^\"]+)\"")
            .matcher(history);
    assertThat(matcher.find()).as("%s in %s", state, history).isTrue();
    return Instant.parse(matcher.group(1));
  }
}
