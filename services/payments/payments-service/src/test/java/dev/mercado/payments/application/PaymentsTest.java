package dev.mercado.payments.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercado.payments.api.PaymentAuthorized;
import dev.mercado.payments.api.PaymentDeclined;
import dev.mercado.payments.api.PaymentRefunded;
import dev.mercado.payments.api.PaymentsTopics;
import dev.mercado.payments.domain.Money;
import dev.mercado.payments.domain.OrderId;
import dev.mercado.payments.domain.Payment;
import dev.mercado.payments.domain.PaymentProvider;
import dev.mercado.payments.domain.PaymentRepository;
import dev.mercado.payments.domain.PaymentStatus;
import dev.mercado.platform.events.CloudEvent;
import dev.mercado.platform.events.CloudEventJson;
import dev.mercado.platform.outbox.Outbox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Authorizing and refunding against payments' ports held in memory: what is recorded, what leaves
 * through the outbox, and when the provider is asked.
 */
class PaymentsTest {

  private static final Money AMOUNT =
      new Money(new BigDecimal("25.00"), Currency.getInstance("EUR"));

  private final InMemoryPayments repository = new InMemoryPayments();
  private final RecordingProvider provider = new RecordingProvider();
  private final RecordingOutbox outbox = new RecordingOutbox();
  private final Payments payments =
      new Payments(
          repository, provider, outbox, ObservationRegistry.NOOP, new SimpleMeterRegistry());
  private final OrderId order = new OrderId(UUID.randomUUID());

  @Test
  void refundBeforeAuthorizationRecordsATombstoneWithoutAnAmount() {
    payments.refund(order);

    Payment tombstone = repository.findByOrder(order).orElseThrow();
    assertThat(tombstone.status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(tombstone.amount()).isNull();
    assertThat(provider.calls).isEmpty();
    assertThat(outbox.appended)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.topic()).isEqualTo(PaymentsTopics.PAYMENT_REFUNDED);
              assertThat(event.subject()).isEqualTo(order.value().toString());
              assertThat(event.payload())
                  .isEqualTo(new PaymentRefunded(order.value(), tombstone.id()));
            });
  }

  @Test
  void aLateAuthorizationAfterATombstoneIsDeclinedWithoutAskingTheProvider() {
    payments.refund(order);
    UUID tombstone = repository.findByOrder(order).orElseThrow().id();

    payments.authorize(order, AMOUNT, "tok_visa");

    assertThat(provider.calls).isEmpty();
    assertThat(repository.findByOrder(order).orElseThrow().amount()).isNull();
    assertThat(outbox.appended.get(outbox.appended.size() - 1).payload())
        .isEqualTo(new PaymentDeclined(order.value(), tombstone, "refunded"));
  }

  @Test
  void aRepeatedRefundOfATombstonePublishesTheSameRefundAgain() {
    payments.refund(order);
    payments.refund(order);

    assertThat(outbox.appended)
        .hasSize(2)
        .extracting(Appended::payload)
        .containsOnly(
            new PaymentRefunded(order.value(), repository.findByOrder(order).orElseThrow().id()));
    assertThat(provider.calls).isEmpty();
  }

  @Test
  void anAuthorizationRecordsAndPublishesTheAmountInItsCurrency() {
    payments.authorize(order, AMOUNT, "tok_visa");

    Payment payment = repository.findByOrder(order).orElseThrow();
    assertThat(payment.status()).isEqualTo(PaymentStatus.AUTHORIZED);
    assertThat(payment.amount()).isEqualTo(AMOUNT);
    assertThat(payment.provider()).isEqualTo(RecordingProvider.PRIMARY);
    assertThat(provider.calls).containsExactly("authorize " + order + " 25.00 EUR tok_visa");
    assertThat(outbox.appended)
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.payload())
                    .isEqualTo(
                        new PaymentAuthorized(
                            order.value(), payment.id(), new BigDecimal("25.00"), "EUR")));
  }

  @Test
  void aRefundAfterAnAuthorizationGivesTheAmountBackAtItsProvider() {
    payments.authorize(order, AMOUNT, "tok_visa");

    payments.refund(order);

    Payment payment = repository.findByOrder(order).orElseThrow();
    assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(payment.amount()).isEqualTo(AMOUNT);
    assertThat(provider.calls)
        .endsWith("refund " + order + " at " + RecordingProvider.PRIMARY + " auth-" + order);
    assertThat(outbox.appended.get(1).payload())
        .isEqualTo(new PaymentRefunded(order.value(), payment.id()));
  }

  /** An outbox that keeps what was appended. */
  record Appended(String topic, String subject, Object payload) {}

  static final class RecordingOutbox implements Outbox {

    final List<Appended> appended = new ArrayList<>();
    private final CloudEventJson json = new CloudEventJson();

    @Override
    public CloudEvent append(String topic, String type, String subject, Object payload) {
      appended.add(new Appended(topic, subject, payload));
      return new CloudEvent(
          UUID.randomUUID().toString(),
          "payments",
          type,
          subject,
          OffsetDateTime.of(2026, 11, 26, 10, 0, 0, 0, ZoneOffset.UTC),
          json.data(payload));
    }

    @Override
    public CloudEvent enqueue(String queue, String type, String subject, Object payload) {
      throw new UnsupportedOperationException("payments queues no work");
    }
  }

  /** Payments by order, as the table keeps them (one per order). */
  static final class InMemoryPayments implements PaymentRepository {

    private final Map<OrderId, Payment> byOrder = new HashMap<>();

    @Override
    public Optional<Payment> lockByOrder(OrderId orderId) {
      return findByOrder(orderId);
    }

    @Override
    public Optional<Payment> findByOrder(OrderId orderId) {
      return Optional.ofNullable(byOrder.get(orderId));
    }

    @Override
    public void insert(Payment payment) {
      if (byOrder.putIfAbsent(payment.orderId(), payment) != null) {
        throw new IllegalStateException("order " + payment.orderId() + " already has a payment");
      }
    }

    @Override
    public void update(Payment payment) {
      byOrder.put(payment.orderId(), payment);
    }

    @Override
    public List<Payment> unreconciled(String primary, Instant decidedBefore, int limit) {
      throw new UnsupportedOperationException("reconciliation is not under test here");
    }

    @Override
    public void markReconciled(UUID paymentId) {
      throw new UnsupportedOperationException("reconciliation is not under test here");
    }
  }

  /** A provider that authorizes every card and takes every capture and refund, and says so. */
  static final class RecordingProvider implements PaymentProvider {

    static final String PRIMARY = "payment-provider";

    final List<String> calls = new ArrayList<>();

    @Override
    public Outcome authorize(OrderId orderId, Money amount, String cardToken) {
      calls.add(
          "authorize "
              + orderId
              + " "
              + amount.amount()
              + " "
              + amount.currency()
              + " "
              + cardToken);
      return new Authorized("auth-" + orderId, PRIMARY);
    }

    @Override
    public String primary() {
      return PRIMARY;
    }

    @Override
    public List<Held> held(OrderId orderId) {
      throw new UnsupportedOperationException("reconciliation is not under test here");
    }

    @Override
    public boolean voidStray(String provider, String authorizationId) {
      throw new UnsupportedOperationException("reconciliation is not under test here");
    }

    @Override
    public boolean capture(OrderId orderId, String provider, String authorizationId) {
      calls.add("capture " + orderId + " at " + provider + " " + authorizationId);
      return true;
    }

    @Override
    public boolean refund(OrderId orderId, String provider, String authorizationId) {
      calls.add("refund " + orderId + " at " + provider + " " + authorizationId);
      return true;
    }
  }
}
