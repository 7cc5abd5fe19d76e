package dev.mercado.payments.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mercado.orders.api.OrdersTopics;
import dev.mercado.payments.PaymentsIntegrationTest;
import dev.mercado.payments.application.Reconciliation;
import dev.mercado.testkit.KafkaRecords;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * R12, F8: the primary provider authorizes but its answer never arrives in time (its response is
 * held 1.5 s, past the 500 ms timeout), so payments authorizes again at the alternative (or
 * declines). The primary now holds an authorization payments never recorded; reconciliation reads
 * both ledgers, voids that one at the primary, leaves the recorded one alone, and does it once.
 */
class ReconciliationIT extends PaymentsIntegrationTest {

  @Autowired Reconciliation reconciliation;
  @Autowired MeterRegistry meters;

  @Test
  void voidsTheAuthorizationWhoseAnswerWasLostAndKeepsTheRecordedOne() throws Exception {
    UUID order = UUID.randomUUID();
    faults(primary(), "{\"latencyMs\":1500}");

    KafkaRecords.send(OrdersTopics.AUTHORIZE_PAYMENT, authorize(order, "tok_visa"));

    // authorized at the alternative, or, on a machine so busy that the alternative misses its
    // timeout too, declined: either way the primary's authorization is not the recorded one
    await().atMost(Duration.ofSeconds(30)).until(() -> payment(order).contains("\"status\":\""));
    String decided = payment(order);
    assertThat(decided).doesNotContain("\"provider\":\"" + PRIMARY + "\"");
    assertThat(count(primary(), order, "authorized")).isEqualTo(1);
    assertThat(count(primary(), order, "refunded")).isZero();

    // the primary is well again (and its breaker, opened by the slow calls, closed)
    faults(primary(), null);
    breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    double voidedBefore = voided();
    reconciliation.reconcile(Instant.now().plusSeconds(1));
    reconciliation.reconcile(Instant.now().plusSeconds(1));

    assertThat(count(primary(), order, "refunded")).isEqualTo(1);
    assertThat(count(alternative(), order, "refunded")).isZero();
    assertThat(payment(order)).isEqualTo(decided);
    assertThat(voided()).isEqualTo(voidedBefore + 1);
  }

  private double voided() {
    return Search.in(meters)
        .name("mercado.payments.reconciliation.voided")
        .tag("provider", PRIMARY)
        .counters()
        .stream()
        .mapToDouble(counter -> counter.count())
        .sum();
  }
}
