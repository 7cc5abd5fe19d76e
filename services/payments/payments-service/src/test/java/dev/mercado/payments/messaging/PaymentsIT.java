package dev.mercado.payments.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mercado.orders.api.OrderConfirmed;
import dev.mercado.orders.api.OrdersTopics;
import dev.mercado.orders.api.RefundPaymentCommand;
import dev.mercado.payments.PaymentsIntegrationTest;
import dev.mercado.payments.api.PaymentsTopics;
import dev.mercado.platform.events.CloudEvent;
import dev.mercado.testkit.KafkaRecords;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Payments against real PostgreSQL, Kafka and the payment provider simulator processes: the
 * providers' ledgers prove what was charged, and where.
 */
class PaymentsIT extends PaymentsIntegrationTest {

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
    assertThat(ledger(primary(), order)).contains("\"authorized\":1");
    assertThat(payment(order))
        .contains(
            "\"status\":\"AUTHORIZED\"",
            "\"amount\":25.00",
            "\"currency\":\"EUR\"",
            "\"provider\":\"" + PRIMARY + "\"");
  }

  @Test
  void recordsARefundBeforeAuthorizationWithoutAnAmountAndDeclinesTheLateAuthorization()
      throws Exception {
    UUID order = UUID.randomUUID();

    KafkaRecords.send(
        OrdersTopics.REFUND_PAYMENT,
        event(OrdersTopics.REFUND_PAYMENT, order, new RefundPaymentCommand(order)));
    assertThat(
            KafkaRecords.eventsAbout(
                PaymentsTopics.PAYMENT_REFUNDED,
                order.toString(),
                Duration.ofSeconds(30),
                e -> !e.isEmpty()))
        .singleElement()
        .satisfies(
            event -> assertThat(event.data().toString()).contains("\"orderId\":\"" + order + "\""));
    assertThat(payment(order))
        .contains("\"status\":\"REFUNDED\"", "\"amount\":null", "\"currency\":null");

    KafkaRecords.send(OrdersTopics.AUTHORIZE_PAYMENT, authorize(order, "tok_visa"));

    assertThat(
            KafkaRecords.eventsAbout(
                PaymentsTopics.PAYMENT_DECLINED,
                order.toString(),
                Duration.ofSeconds(30),
                e -> !e.isEmpty()))
        .singleElement()
        .satisfies(
            event -> assertThat(event.data().toString()).contains("\"reason\":\"refunded\""));
    assertThat(ledger(primary(), order)).contains("\"authorized\":0");
  }

  @Test
  void showsNoPaymentForAnOrderItHasNotDecided() throws Exception {
    assertThat(payment(UUID.randomUUID())).isEqualTo("[]");
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
  void declinesAsProviderUnavailableWhenEveryProviderIsDown() throws Exception {
    UUID order = UUID.randomUUID();
    faults(primary(), "{\"down\":true}");
    faults(alternative(), "{\"down\":true}");

    KafkaRecords.send(OrdersTopics.AUTHORIZE_PAYMENT, authorize(order, "tok_visa"));

    assertThat(
            KafkaRecords.eventsAbout(
                PaymentsTopics.PAYMENT_DECLINED,
                order.toString(),
                Duration.ofSeconds(30),
                e -> !e.isEmpty()))
        .singleElement()
        .satisfies(event -> assertThat(event.data().toString()).contains("provider_unavailable"));
    assertThat(ledger(primary(), order)).contains("\"authorized\":0");
    assertThat(ledger(alternative(), order)).contains("\"authorized\":0");
    assertThat(payment(order)).contains("\"provider\":null");
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
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ledger(primary(), order).contains("\"captured\":1"));
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
    assertThat(ledger(primary(), order)).contains("\"refunded\":1");
  }
}
