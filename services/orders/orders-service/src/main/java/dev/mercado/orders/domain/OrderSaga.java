package dev.mercado.orders.domain;

import static dev.mercado.orders.domain.OrderStatus.CANCELLED;
import static dev.mercado.orders.domain.OrderStatus.CANCELLING;
import static dev.mercado.orders.domain.OrderStatus.CONFIRMED;
import static dev.mercado.orders.domain.OrderStatus.PENDING;
import static dev.mercado.orders.domain.OrderStatus.REJECTED;
import static dev.mercado.orders.domain.OrderStatus.STOCK_RESERVED;

import dev.mercado.orders.domain.SagaEvent.DeadlinePassed;
import dev.mercado.orders.domain.SagaEvent.PaymentAuthorized;
import dev.mercado.orders.domain.SagaEvent.PaymentDeclined;
import dev.mercado.orders.domain.SagaEvent.StockRejected;
import dev.mercado.orders.domain.SagaEvent.StockReleased;
import dev.mercado.orders.domain.SagaEvent.StockReserved;
import java.util.List;
import java.util.Optional;

/**
 * The checkout saga as an explicit state machine (docs/patterns/saga.md):
 *
 * <pre>
 * PENDING --stock reserved--> STOCK_RESERVED --payment authorized--> (PAID) --> CONFIRMED
 *    |  \--stock rejected--> REJECTED             |
 *    |                                             +--declined / deadline--+
 *    +--deadline------------------------------------------------------------+--> CANCELLING
 * CANCELLING --stock released--> CANCELLED        (deadline: release again)
 * </pre>
 *
 * A pure function of the current state and what happened: no I/O, no clock. Events that do not
 * apply to the current state (duplicates, late answers) change nothing, with one exception: a
 * payment authorized after the order stopped waiting for it is refunded.
 */
public final class OrderSaga {

  /**
   * The outcome of an event: the state to go to (the same state when only actions follow), the
   * actions to take, and the reason to record.
   */
  public record Step(OrderStatus to, List<SagaAction> actions, String reason) {}

  private OrderSaga() {}

  public static Optional<Step> next(OrderStatus from, SagaEvent event) {
    if (event instanceof PaymentAuthorized && from != STOCK_RESERVED) {
      // late or duplicate authorization: give the money back, whatever the state
      return from == PENDING
          ? Optional.empty()
          : Optional.of(new Step(from, List.of(SagaAction.REFUND_PAYMENT), "late payment"));
    }
    if (from.isFinal()) {
      return Optional.empty();
    }
    // Java 17: no pattern matching in switch yet, so one if per (state, event) pair
    if (from == PENDING) {
      if (event instanceof StockReserved) {
        return step(STOCK_RESERVED, SagaAction.AUTHORIZE_PAYMENT, "stock reserved");
      }
      if (event instanceof StockRejected rejected) {
        return step(REJECTED, SagaAction.PUBLISH_REJECTED, rejected.reason());
      }
      if (event instanceof DeadlinePassed) {
        return step(CANCELLING, SagaAction.RELEASE_STOCK, "deadline:PENDING");
      }
    } else if (from == STOCK_RESERVED) {
      if (event instanceof PaymentAuthorized) {
        return step(CONFIRMED, SagaAction.PUBLISH_CONFIRMED, "paid");
      }
      if (event instanceof PaymentDeclined declined) {
        return step(CANCELLING, SagaAction.RELEASE_STOCK, "payment_declined:" + declined.reason());
      }
      if (event instanceof DeadlinePassed) {
        return step(CANCELLING, SagaAction.RELEASE_STOCK, "deadline:STOCK_RESERVED");
      }
    } else if (from == CANCELLING) {
      if (event instanceof StockReleased) {
        return step(CANCELLED, SagaAction.PUBLISH_CANCELLED, "stock released");
      }
      if (event instanceof DeadlinePassed) {
        return step(CANCELLING, SagaAction.RELEASE_STOCK, "deadline:CANCELLING, release again");
      }
    }
    return Optional.empty();
  }

  private static Optional<Step> step(OrderStatus to, SagaAction action, String reason) {
    return Optional.of(new Step(to, List.of(action), reason));
  }

  /** Whether an order in {@code status} should still hear from the clock. */
  public static boolean awaitsDeadline(OrderStatus status) {
    return status.isWaiting();
  }
}
