package dev.mercado.payments.web;

import dev.mercado.payments.api.PaymentView;
import dev.mercado.payments.application.Payments;
import dev.mercado.payments.domain.Money;
import dev.mercado.payments.domain.OrderId;
import dev.mercado.payments.domain.Payment;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/payments")
class PaymentController {

  private final Payments payments;

  PaymentController(Payments payments) {
    this.payments = payments;
  }

  /**
   * The order's payment: one element once payments decided it, none while the command is on its way
   * (the order's saga is eventually consistent). A refund recorded before any authorization shows
   * no amount and no currency.
   */
  @GetMapping
  List<PaymentView> forOrder(@RequestParam UUID orderId) {
    return payments.forOrder(new OrderId(orderId)).stream().map(PaymentController::view).toList();
  }

  private static PaymentView view(Payment payment) {
    Money amount = payment.amount();
    return new PaymentView(
        payment.id(),
        payment.orderId().value(),
        payment.status().name(),
        amount == null ? null : amount.amount(),
        amount == null ? null : amount.currency().getCurrencyCode(),
        payment.declineReason(),
        payment.provider());
  }
}
