package dev.mercado.simulators.payment;

import static dev.mercado.simulators.payment.Fixtures.anAuthorizationRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mercado.simulators.payment.Authorization.Status;
import dev.mercado.simulators.payment.Ledger.Counts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class LedgerTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");

  private final Ledger ledger = new Ledger(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void authorizesAnApprovingCard() {
    // when
    Authorization authorization = ledger.authorize(anAuthorizationRequest(Card.VISA, "order-1"));

    // then
    assertThat(authorization.id()).startsWith("auth_");
    assertThat(authorization.status()).isEqualTo(Status.AUTHORIZED);
    assertThat(authorization.amount()).isEqualByComparingTo("12.50");
    assertThat(authorization.currency()).isEqualTo("EUR");
    assertThat(authorization.createdAt()).isEqualTo(NOW);
    assertThat(ledger.statement(null).counts()).isEqualTo(new Counts(1, 0, 0, 0));
  }

  @Test
  void recordsADeclineWithTheCardsDeclineCode() {
    // when
    Authorization authorization =
        ledger.authorize(anAuthorizationRequest(Card.INSUFFICIENT_FUNDS, "order-1"));

    // then
    assertThat(authorization.status()).isEqualTo(Status.DECLINED);
    assertThat(authorization.declineCode()).isEqualTo("insufficient_funds");
    assertThat(ledger.statement(null).authorizations()).containsExactly(authorization);
    assertThat(ledger.statement(null).counts()).isEqualTo(new Counts(0, 0, 0, 1));
  }

  @Test
  void capturesAndThenRefundsAnAuthorization() {
    // given
    String id = ledger.authorize(anAuthorizationRequest(Card.MASTERCARD, "order-1")).id();

    // when
    Authorization captured = ledger.capture(id);
    Authorization refunded = ledger.refund(id);

    // then
    assertThat(captured.status()).isEqualTo(Status.CAPTURED);
    assertThat(refunded.status()).isEqualTo(Status.REFUNDED);
    assertThat(refunded.capturedAt()).isEqualTo(NOW);
    assertThat(refunded.refundedAt()).isEqualTo(NOW);
    assertThat(ledger.statement(null).counts()).isEqualTo(new Counts(1, 1, 1, 0));
  }

  @Test
  void voidsAnAuthorizationThatWasNotCaptured() {
    // given
    String id = ledger.authorize(anAuthorizationRequest(Card.VISA, "order-1")).id();

    // when
    Authorization voided = ledger.refund(id);

    // then
    assertThat(voided.status()).isEqualTo(Status.REFUNDED);
    assertThat(voided.capturedAt()).isNull();
    assertThat(ledger.statement(null).counts()).isEqualTo(new Counts(1, 0, 1, 0));
  }

  @Test
  void refusesToCaptureARefundedAuthorization() {
    // given
    String id = ledger.authorize(anAuthorizationRequest(Card.VISA, "order-1")).id();
    ledger.refund(id);

    // when / then
    assertThatThrownBy(() -> ledger.capture(id))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is REFUNDED");
  }

  @Test
  void refusesToCaptureOrRefundADecline() {
    // given
    String id = ledger.authorize(anAuthorizationRequest(Card.DECLINED, "order-1")).id();

    // when / then
    assertThatThrownBy(() -> ledger.capture(id)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ledger.refund(id)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusesToRefundTwice() {
    // given
    String id = ledger.authorize(anAuthorizationRequest(Card.VISA, "order-1")).id();
    ledger.refund(id);

    // when / then
    assertThatThrownBy(() -> ledger.refund(id)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void knowsNoOtherIds() {
    assertThatThrownBy(() -> ledger.capture("auth_unknown"))
        .isInstanceOf(NoSuchElementException.class);
    assertThatThrownBy(() -> ledger.refund("auth_unknown"))
        .isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void selectsAStatementByReference() {
    // given
    Authorization first = ledger.authorize(anAuthorizationRequest(Card.VISA, "order-1"));
    ledger.authorize(anAuthorizationRequest(Card.VISA, "order-2"));
    Authorization declined = ledger.authorize(anAuthorizationRequest(Card.EXPIRED, "order-1"));

    // when
    Ledger.Statement statement = ledger.statement("order-1");

    // then
    assertThat(statement.authorizations()).containsExactly(first, declined);
    assertThat(statement.counts()).isEqualTo(new Counts(1, 0, 0, 1));
    assertThat(ledger.statement(null).authorizations()).hasSize(3);
  }

  @Test
  void forgetsEverythingWhenCleared() {
    // given
    ledger.authorize(anAuthorizationRequest(Card.VISA, "order-1"));

    // when
    ledger.clear();

    // then
    assertThat(ledger.statement(null).authorizations()).isEmpty();
    assertThat(ledger.statement(null).counts()).isEqualTo(new Counts(0, 0, 0, 0));
  }
}
