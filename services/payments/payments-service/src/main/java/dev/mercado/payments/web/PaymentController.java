package dev.mercado.payments.web;

import dev.mercado.payments.api.PaymentView;
import dev.mercado.payments.application.Payments;
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
   * (the order's saga is eventually consistent).
   */
  @GetMapping
  List<PaymentView> forOrder(@RequestParam UUID orderId) {
    return payments.forOrder(orderId).stream()
        .map(
            payment ->
                new PaymentView(
                    payment.id(),
                    payment.orderId(),
                    payment.status().name(),
                    payment.amount(),
                    payment.currency(),
                    payment.declineReason(),
                    payment.provider()))
        .toList();
  }
}
