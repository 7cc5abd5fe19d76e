package dev.mercado.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * R7, R10: with the Kafka broker process stopped, orders are still accepted; once it is back, every
 * one of them reaches a final state, none lost and none charged twice.
 */
@Order(3)
class KafkaOutageIT {

  @Test
  void acceptsOrdersWhileKafkaIsDownAndFinishesThemAllWhenItReturns() throws Exception {
    Shop shop = new Shop(RunningSystem.get());
    UUID product = shop.product(100);
    shop.awaitFinal(shop.orderWhenKnown(product, 1, "tok_visa"), Duration.ofSeconds(60));
    List<String> orders = new ArrayList<>();

    assertThat(RunningSystem.mercado("stop", "kafka").exitCode()).isZero();
    try {
      for (int i = 0; i < 50; i++) {
        HttpResponse<String> accepted =
            shop.place(UUID.randomUUID().toString(), product, 1, "tok_visa");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        orders.add(Shop.id(accepted));
      }
    } finally {
      assertThat(RunningSystem.mercado("start", "kafka").exitCode()).isZero();
    }

    Map<String, Integer> outcomes = new HashMap<>();
    for (String order : orders) {
      outcomes.merge(shop.awaitFinal(order, Duration.ofMinutes(3)), 1, Integer::sum);
      assertThat(shop.ledger(order)).doesNotContain("\"authorized\":2");
    }
    assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(50);
    int confirmed = outcomes.getOrDefault("CONFIRMED", 0);
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofMinutes(1))
        .until(() -> shop.availableStock(product) == 99 - confirmed);
  }
}
