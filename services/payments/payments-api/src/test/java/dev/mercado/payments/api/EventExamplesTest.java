package dev.mercado.payments.api;

import static dev.mercado.testkit.EventContracts.assertExampleMatches;

import org.junit.jupiter.api.Test;

/** Each checked-in example is what payments' payload records read and write (P5). */
class EventExamplesTest {

  @Test
  void everyExampleMatchesItsPayloadRecord() {
    assertExampleMatches(PaymentsTopics.PAYMENT_AUTHORIZED, PaymentAuthorized.class);
    assertExampleMatches(PaymentsTopics.PAYMENT_DECLINED, PaymentDeclined.class);
    assertExampleMatches(PaymentsTopics.PAYMENT_REFUNDED, PaymentRefunded.class);
  }
}
