package dev.mercado.payments.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercado.orders.api.AuthorizePaymentCommand;
import dev.mercado.orders.api.OrderConfirmed;
import dev.mercado.orders.api.OrdersTopics;
import dev.mercado.orders.api.RefundPaymentCommand;
import dev.mercado.payments.api.PaymentsTopics;
import dev.mercado.platform.events.CloudEvent;
import dev.mercado.testkit.EventContracts;
import dev.mercado.testkit.Infrastructure;
import dev.mercado.testkit.KafkaRecords;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Payments against real PostgreSQL, Kafka and the payment provider simulator process: the
 * provider's ledger proves what was charged.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mercado.payments.provider-timeout=1s",
      "mercado.payments.provider-attempts=2",
      "mercado.payments.provider-backoff=50ms"
    })
class PaymentsIT {

  private static final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "payments");
    registry.add("spring.kafka.bootstrap-servers", Infrastructure::kafka);
    registry.add("mercado.payments.provider-url", () -> Infrastructure.paymentProvider().baseUrl());
  }

  @Test
  void authorizesAnApprovedCardOnceWhateverKafkaRedelivers() throws Exception {
    UUID order = UUID.randomUUID();
    CloudEvent command = authorize(order, "tok_visa");

    KafkaRecords.send(OrdersTopics.AUTHORIZE_PAYMENT, command);
    KafkaRecords.send(OrdersTopics.AUTHORIZE_PAYMENT, command);
    KafkaRecords.send(OrdersTopics.AUTHORIZE_PAYMENT, authorize(order, "tok_visa"));

    List<CloudEvent> answers =
        KafkaRecords.eventsAbout(
            PaymentsTopics.PAYMENT_AUTHORIZED,
            order.toString(),
            Duration.ofSeconds(30),
            e -> e.size() >= 2);
    assertThat(answers).hasSize(2);
    assertThat(answers.get(0).data().toString()).contains("\"amount\":25.00");
    assertThat(ledger(order)).contains("\"authorized\":1");
    assertThat(payment(order))
        .contains("\"status\":\"AUTHORIZED\"", "\"amount\":25.00", "\"currency\":\"EUR\"");
  }

  @Test
  void showsNoPaymentForAnOrderItHasNotDecided() throws Exception {
    assertThat(payment(UUID.randomUUID())).isEqualTo("[]");
  }

  /** {@code GET /api/v1/payments?orderId=}: the order's payment as the BFF reads it. */
  private String payment(UUID order) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/payments?orderId=" + order))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  @Test
  void declinesACardWithoutFunds() {
    UUID order = UUID.randomUUID();

    KafkaRecords.send(OrdersTopics.AUTHORIZE_PAYMENT, authorize(order, "tok_insufficient_funds"));

    assertThat(
            KafkaRecords.eventsAbout(
                PaymentsTopics.PAYMENT_DECLINED,
                order.toString(),
                Duration.ofSeconds(30),
                e -> !e.isEmpty()))
        .singleElement()
        .satisfies(event -> assertThat(event.data().toString()).contains("insufficient_funds"));
  }

  @Test
  void declinesAsProviderUnavailableWhenTheProviderIsDown() throws Exception {
    UUID order = UUID.randomUUID();
    faults("{\"down\":true}");
    try {
      KafkaRecords.send(OrdersTopics.AUTHORIZE_PAYMENT, authorize(order, "tok_visa"));

      assertThat(
              KafkaRecords.eventsAbout(
                  PaymentsTopics.PAYMENT_DECLINED,
                  order.toString(),
                  Duration.ofSeconds(30),
                  e -> !e.isEmpty()))
          .singleElement()
          .satisfies(event -> assertThat(event.data().toString()).contains("provider_unavailable"));
    } finally {
      faults("{\"down\":false}");
    }
    assertThat(ledger(order)).contains("\"authorized\":0");
  }

  @Test
  void capturesWhenTheOrderIsConfirmedAndRefundsOnRequest() throws Exception {
    UUID order = UUID.randomUUID();
    KafkaRecords.send(OrdersTopics.AUTHORIZE_PAYMENT, authorize(order, "tok_mastercard"));
    KafkaRecords.eventsAbout(
        PaymentsTopics.PAYMENT_AUTHORIZED,
        order.toString(),
        Duration.ofSeconds(30),
        e -> !e.isEmpty());

    KafkaRecords.send(
        OrdersTopics.ORDER_CONFIRMED,
        event(
            OrdersTopics.ORDER_CONFIRMED,
            order,
            new OrderConfirmed(order, "c-1", new BigDecimal("25.00"), "EUR")));
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ledger(order).contains("\"captured\":1"));
    KafkaRecords.send(
        OrdersTopics.REFUND_PAYMENT,
        event(OrdersTopics.REFUND_PAYMENT, order, new RefundPaymentCommand(order)));

    assertThat(
            KafkaRecords.eventsAbout(
                PaymentsTopics.PAYMENT_REFUNDED,
                order.toString(),
                Duration.ofSeconds(30),
                e -> !e.isEmpty()))
        .hasSize(1);
    assertThat(ledger(order)).contains("\"refunded\":1");
  }

  private static CloudEvent authorize(UUID order, String card) {
    return event(
        OrdersTopics.AUTHORIZE_PAYMENT,
        order,
        new AuthorizePaymentCommand(order, new BigDecimal("25.00"), "EUR", card));
  }

  /** As orders publishes it: its checked-in example with this order and payload. */
  private static CloudEvent event(String type, UUID order, Object payload) {
    return EventContracts.like(type, order.toString(), payload);
  }

  private static String ledger(UUID order) throws Exception {
    return http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        Infrastructure.paymentProvider().adminUrl() + "/ledger?reference=" + order))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static void faults(String body) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(Infrastructure.paymentProvider().adminUrl() + "/faults"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }
}
