package dev.mercado.payments.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mercado.orders.api.OrderConfirmed;
import dev.mercado.orders.api.OrdersTopics;
import dev.mercado.orders.api.RefundPaymentCommand;
import dev.mercado.payments.PaymentsIntegrationTest;
import dev.mercado.payments.api.PaymentsTopics;
import dev.mercado.testkit.KafkaRecords;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R12, fallback to an alternative service: with the primary provider down, payments authorizes
 * through the alternative, records which provider holds the authorization, and captures and refunds
 * there, even once the primary is back.
 */
class ProviderFallbackIT extends PaymentsIntegrationTest {

  @Autowired MeterRegistry meters;

  @Test
  void authorizesThroughTheAlternativeWhileThePrimaryIsDownAndCapturesAndRefundsThere()
      throws Exception {
    UUID order = UUID.randomUUID();
    double fallbacksBefore = fallbacks();
    faults(primary(), "{\"down\":true}");

    KafkaRecords.send(OrdersTopics.AUTHORIZE_PAYMENT, authorize(order, "tok_visa"));

    assertThat(
            KafkaRecords.eventsAbout(
                PaymentsTopics.PAYMENT_AUTHORIZED,
                order.toString(),
                Duration.ofSeconds(30),
                e -> !e.isEmpty()))
        .hasSize(1);
    assertThat(payment(order))
        .contains("\"status\":\"AUTHORIZED\"", "\"provider\":\"" + ALTERNATIVE + "\"");
    assertThat(count(alternative(), order, "authorized")).isEqualTo(1);
    assertThat(count(primary(), order, "authorized")).isZero();
    assertThat(fallbacks()).isEqualTo(fallbacksBefore + 1);

    // the primary is back: the capture still goes to the provider that holds the authorization
    faults(primary(), "{\"down\":false}");
    KafkaRecords.send(
        OrdersTopics.ORDER_CONFIRMED,
        event(
            OrdersTopics.ORDER_CONFIRMED,
            order,
            new OrderConfirmed(order, "c-1", new BigDecimal("25.00"), "EUR")));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> payment(order).contains("\"status\":\"CAPTURED\""));
    assertThat(count(alternative(), order, "captured")).isEqualTo(1);
    assertThat(count(primary(), order, "captured")).isZero();

    KafkaRecords.send(
        OrdersTopics.REFUND_PAYMENT,
        event(OrdersTopics.REFUND_PAYMENT, order, new RefundPaymentCommand(order)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> count(alternative(), order, "refunded") == 1);
    assertThat(count(primary(), order, "refunded")).isZero();
  }

  /** {@code mercado.payments.provider.fallbacks{to=payment-provider-fallback}}, every reason. */
  private double fallbacks() {
    return Search.in(meters)
        .name("mercado.payments.provider.fallbacks")
        .tag("to", ALTERNATIVE)
        .counters()
        .stream()
        .mapToDouble(counter -> counter.count())
        .sum();
  }
}
