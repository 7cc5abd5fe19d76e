package dev.mercado.payments.application;

import dev.mercado.payments.PaymentsProperties;
import dev.mercado.payments.domain.Payment;
import dev.mercado.payments.domain.PaymentProvider;
import dev.mercado.payments.domain.PaymentRepository;
import dev.mercado.platform.jobs.Jobs;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Closes the gap the alternative provider opens (R12, F8; docs/patterns/circuit-breaker.md): when
 * the primary's answer is lost — it authorized, then the call timed out — payments falls back to
 * the alternative or declines, and the primary holds an authorization nobody will capture, the
 * customer's money on hold until it expires. Every {@code mercado.payments.reconciliation.interval}
 * (30 s) this reads both providers' ledgers for each payment the primary did not decide, once it is
 * {@code settle} old (30 s: no retry of its own is still in flight), and voids every authorization
 * there that the payment does not hold. A payment is marked reconciled only when both ledgers were
 * read and every stray was voided; otherwise the next round tries again.
 *
 * <p>No lock is taken: a void carries the key {@code void-<authorization>}, so two instances doing
 * the same round void once, and payments never captures an authorization it did not record. Counted
 * as {@code mercado.payments.reconciliation.voided{provider}} and {@code
 * mercado.payments.reconciliation.checked}.
 */
@Service
public class Reconciliation {

  private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

  private final PaymentRepository payments;
  private final PaymentProvider provider;
  private final MeterRegistry registry;
  private final Clock clock;
  private final Jobs jobs;
  private final Duration settle;
  private final int batch;

  Reconciliation(
      PaymentRepository payments,
      PaymentProvider provider,
      MeterRegistry registry,
      Clock clock,
      Jobs jobs,
      PaymentsProperties properties) {
    this.payments = payments;
    this.provider = provider;
    this.registry = registry;
    this.clock = clock;
    this.jobs = jobs;
    this.settle = properties.reconciliation().settle();
    this.batch = properties.reconciliation().batch();
  }

  /**
   * One round over the payments decided at least {@code settle} ago, in one instance of a scaled
   * payments at a time (platform-jobs): two would ask the providers' ledgers the same questions.
   */
  @Scheduled(
      fixedDelayString = "${mercado.payments.reconciliation.interval:30s}",
      initialDelayString = "${mercado.payments.reconciliation.interval:30s}")
  public void reconcile() {
    jobs.runOnce(
        "payments.reconciliation",
        Duration.ofMinutes(10),
        () -> reconcile(clock.instant().minus(settle)));
  }

  /** One round over the payments decided before {@code decidedBefore}; how many it reconciled. */
  public int reconcile(Instant decidedBefore) {
    List<Payment> due = payments.unreconciled(provider.primary(), decidedBefore, batch);
    int reconciled = 0;
    for (Payment payment : due) {
      if (reconcile(payment)) {
        payments.markReconciled(payment.id());
        reconciled++;
      }
    }
    return reconciled;
  }

  private boolean reconcile(Payment payment) {
    List<PaymentProvider.Held> held;
    try {
      held = provider.held(payment.orderId());
    } catch (RuntimeException unreadable) {
      log.warn(
          "reconcile order {}: a ledger is unreadable ({})",
          payment.orderId(),
          unreadable.getMessage());
      return false;
    }
    Counter.builder("mercado.payments.reconciliation.checked")
        .description("payments whose providers' ledgers were compared with them")
        .register(registry)
        .increment();
    boolean done = true;
    for (PaymentProvider.Held authorization : held) {
      if (isRecorded(payment, authorization) || !authorization.status().equals("AUTHORIZED")) {
        if (!isRecorded(payment, authorization) && authorization.status().equals("CAPTURED")) {
          // never expected: payments captures only what it recorded
          log.error(
              "reconcile order {}: {} captured authorization {} that payments does not hold",
              payment.orderId(),
              authorization.provider(),
              authorization.authorizationId());
        }
        continue;
      }
      if (provider.voidStray(authorization.provider(), authorization.authorizationId())) {
        log.warn(
            "reconcile order {}: voided {} at {}, an authorization whose answer was lost",
            payment.orderId(),
            authorization.authorizationId(),
            authorization.provider());
        Counter.builder("mercado.payments.reconciliation.voided")
            .description("authorizations payments never recorded, voided at their provider")
            .tag("provider", authorization.provider())
            .register(registry)
            .increment();
      } else {
        done = false;
      }
    }
    return done;
  }

  private static boolean isRecorded(Payment payment, PaymentProvider.Held authorization) {
    return Objects.equals(payment.authorizationId(), authorization.authorizationId())
        && Objects.equals(payment.provider(), authorization.provider());
  }
}
