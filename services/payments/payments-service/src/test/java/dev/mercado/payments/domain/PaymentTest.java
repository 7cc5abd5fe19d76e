package dev.mercado.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PaymentTest {

  private static final OrderId ORDER = new OrderId(UUID.randomUUID());
  private static final Money AMOUNT =
      new Money(new BigDecimal("25.00"), Currency.getInstance("EUR"));

  @Test
  void aRefundBeforeAuthorizationIsARefundedPaymentWithoutAnAmount() {
    Payment tombstone = Payment.refundedBeforeAuthorization(UUID.randomUUID(), ORDER);

    assertThat(tombstone.status()).isEqualTo(PaymentStatus.REFUNDED);
    assertThat(tombstone.amount()).isNull();
    assertThat(tombstone.authorizationId()).isNull();
    assertThat(tombstone.provider()).isNull();
  }

  @Test
  void onlyARefundBeforeAuthorizationMayLackAnAmount() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new Payment(
                    UUID.randomUUID(),
                    ORDER,
                    PaymentStatus.AUTHORIZED,
                    null,
                    "auth-1",
                    null,
                    "payment-provider"));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new Payment(
                    UUID.randomUUID(),
                    ORDER,
                    PaymentStatus.REFUNDED,
                    null,
                    "auth-1",
                    null,
                    "payment-provider"));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                Payment.refundedBeforeAuthorization(UUID.randomUUID(), ORDER)
                    .with(PaymentStatus.AUTHORIZED));
  }

  @Test
  void aChangeOfStatusKeepsTheAmountAndTheProvider() {
    Payment authorized =
        new Payment(
            UUID.randomUUID(),
            ORDER,
            PaymentStatus.AUTHORIZED,
            AMOUNT,
            "auth-1",
            null,
            "payment-provider");

    Payment captured = authorized.with(PaymentStatus.CAPTURED);

    assertThat(captured.status()).isEqualTo(PaymentStatus.CAPTURED);
    assertThat(captured.amount()).isEqualTo(AMOUNT);
    assertThat(captured.provider()).isEqualTo("payment-provider");
    assertThat(captured.authorizationId()).isEqualTo("auth-1");
  }
}
