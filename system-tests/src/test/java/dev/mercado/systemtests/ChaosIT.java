package dev.mercado.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
 * and a reset removes it. What a slowed or blackholed provider does to a stream of checkouts is a
 * row of {@link FaultSuiteIT}.
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
