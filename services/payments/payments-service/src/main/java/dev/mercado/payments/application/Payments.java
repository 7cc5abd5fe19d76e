package dev.mercado.payments.application;

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
import dev.mercado.platform.observability.Committed;
import dev.mercado.platform.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Authorizing, capturing and refunding an order's payment. Each runs in the transaction that
 * records the command in the inbox; the answer leaves through the outbox.
 *
 * <p>Idempotent per order: a repeated command (redelivered, or re-sent by the saga) gets the
 * recorded answer again without calling the provider; a crash between the provider's answer and the
 * commit calls the provider again with the same idempotency key, which replays its answer.
 */
@Service
public class Payments {

  private static final Logger log = LoggerFactory.getLogger(Payments.class);

  /**
   * Decline reason when no provider could be reached within its resilience policy (retries, circuit
   * breaker, bulkhead), the alternative included.
   */
  public static final String PROVIDER_UNAVAILABLE = "provider_unavailable";

  private final PaymentRepository payments;
  private final PaymentProvider provider;
  private final Outbox outbox;
  private final ObservationRegistry observations;
  private final MeterRegistry registry;

  Payments(
      PaymentRepository payments,
      PaymentProvider provider,
      Outbox outbox,
      ObservationRegistry observations,
      MeterRegistry registry) {
    this.payments = payments;
    this.provider = provider;
    this.outbox = outbox;
    this.observations = observations;
    this.registry = registry;
  }

  /**
   * Authorizes {@code amount} on the card, unless the order's payment was already decided (then its
   * recorded answer is published again).
   *
   * @param cardToken the provider's token for the card (never a card number)
   */
  @Transactional
  public void authorize(OrderId orderId, Money amount, String cardToken) {
    Optional<Payment> existing = payments.lockByOrder(orderId);
    if (existing.isPresent()) {
      answer(existing.get());
      return;
    }
    // the provider call's own span and timer, retries and fallback included; each HTTP attempt is a
    // child (O3). Only Kafka listener threads get here: order acceptance never waits on the
    // provider
    // (F8, fault isolation; docs/patterns/circuit-breaker.md)
    PaymentProvider.Outcome outcome =
        Observation.createNotStarted("mercado.payments.provider.call", observations)
            .contextualName("provider authorize")
            .lowCardinalityKeyValue("operation", "authorize")
            .observe(() -> provider.authorize(orderId, amount, cardToken));
    UUID id = UUID.randomUUID();
    Payment payment;
    if (outcome instanceof PaymentProvider.Authorized authorized) {
      payment =
          new Payment(
              id,
              orderId,
              PaymentStatus.AUTHORIZED,
              amount,
              authorized.authorizationId(),
              null,
              authorized.provider());
    } else if (outcome instanceof PaymentProvider.Declined declined) {
      payment =
          new Payment(
              id,
              orderId,
              PaymentStatus.DECLINED,
              amount,
              null,
              declined.code(),
              declined.provider());
    } else {
      payment =
          new Payment(
              id, orderId, PaymentStatus.DECLINED, amount, null, PROVIDER_UNAVAILABLE, null);
    }
    payments.insert(payment);
    answer(payment);
    counted(payment);
  }

  /** The order's payment, if payments has decided it. */
  @Transactional(readOnly = true)
  public Optional<Payment> forOrder(OrderId orderId) {
    return payments.findByOrder(orderId);
  }

  /** {@code mercado.payments.authorizations{outcome}}, and declines by reason (O1). */
  private void counted(Payment payment) {
    boolean authorized = payment.status() == PaymentStatus.AUTHORIZED;
    log.info(
        "order {} payment {}{}",
        payment.orderId(),
        payment.status(),
        authorized ? "" : " (" + payment.declineReason() + ")");
    Committed.afterCommit(
        () -> {
          Counter.builder("mercado.payments.authorizations")
              .description("payment authorizations decided, by outcome")
              .tag("outcome", authorized ? "authorized" : "declined")
              .register(registry)
              .increment();
          if (!authorized) {
            Counter.builder("mercado.payments.declines")
                .description("payments declined, by reason")
                .tag("reason", payment.declineReason())
                .register(registry)
                .increment();
          }
        });
  }

  /**
   * Captures the order's authorization once the order is confirmed.
   *
   * @throws ProviderUnavailableException if the provider cannot be reached: the consumer retries,
   *     then parks the command on its dead-letter topic for a re-drive
   */
  @Transactional
  public void capture(OrderId orderId) {
    Optional<Payment> payment = payments.lockByOrder(orderId);
    if (payment.isEmpty() || payment.get().status() != PaymentStatus.AUTHORIZED) {
      return;
    }
    // at the provider that holds the authorization, which may be the alternative
    if (!provider.capture(orderId, payment.get().provider(), payment.get().authorizationId())) {
      throw new ProviderUnavailableException("capture of order " + orderId);
    }
    payments.update(payment.get().with(PaymentStatus.CAPTURED));
  }

  /**
   * Gives back whatever was authorized or captured for the order. A refund that arrives before any
   * authorization is recorded as a tombstone without an amount ({@link
   * Payment#refundedBeforeAuthorization}), so a late authorization command is declined.
   *
   * @throws ProviderUnavailableException if the provider cannot be reached (retried, then parked)
   */
  @Transactional
  public void refund(OrderId orderId) {
    Optional<Payment> existing = payments.lockByOrder(orderId);
    if (existing.isEmpty()) {
      Payment tombstone = Payment.refundedBeforeAuthorization(UUID.randomUUID(), orderId);
      payments.insert(tombstone);
      refunded(tombstone);
      return;
    }
    Payment payment = existing.get();
    switch (payment.status()) {
      case AUTHORIZED, CAPTURED -> {
        if (!provider.refund(orderId, payment.provider(), payment.authorizationId())) {
          throw new ProviderUnavailableException("refund of order " + orderId);
        }
        Payment refunded = payment.with(PaymentStatus.REFUNDED);
        payments.update(refunded);
        refunded(refunded);
      }
      case REFUNDED -> refunded(payment);
      case DECLINED -> {
        // nothing was taken
      }
    }
  }

  private void answer(Payment payment) {
    switch (payment.status()) {
      case AUTHORIZED, CAPTURED ->
          publish(
              PaymentsTopics.PAYMENT_AUTHORIZED,
              payment,
              new PaymentAuthorized(
                  payment.orderId().value(),
                  payment.id(),
                  payment.amount().amount(),
                  payment.amount().currency().getCurrencyCode()));
      case DECLINED ->
          publish(
              PaymentsTopics.PAYMENT_DECLINED,
              payment,
              new PaymentDeclined(
                  payment.orderId().value(), payment.id(), payment.declineReason()));
      case REFUNDED ->
          publish(
              PaymentsTopics.PAYMENT_DECLINED,
              payment,
              new PaymentDeclined(payment.orderId().value(), payment.id(), "refunded"));
    }
  }

  private void refunded(Payment payment) {
    publish(
        PaymentsTopics.PAYMENT_REFUNDED,
        payment,
        new PaymentRefunded(payment.orderId().value(), payment.id()));
  }

  private void publish(String topic, Payment payment, Object event) {
    outbox.append(topic, topic, payment.orderId().toString(), event);
  }
}
