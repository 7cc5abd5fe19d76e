package dev.mercado.orders.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An order and its saga state: the aggregate orders owns. Lines and total are fixed when it is
 * placed; status, deadline, cancellation reason and history change only through {@link
 * #handle(SagaEvent, Instant, SagaDeadlines)}.
 */
public final class Order {

  /**
   * The largest total an order may have, in its currency's units: what orders' database stores
   * ({@code numeric(12, 2)}), as text for annotations and messages.
   */
  public static final String MAX_TOTAL_TEXT = "9999999999.99";

  /** {@link #MAX_TOTAL_TEXT} as a number. */
  public static final BigDecimal MAX_TOTAL = new BigDecimal(MAX_TOTAL_TEXT);

  private final OrderId id;
  private final String customerId;
  private final List<OrderLine> lines;
  private final Money total;
  private final String cardToken;
  private final Instant placedAt;
  private final List<Transition> history;
  private OrderStatus status;
  private Instant deadline;
  private String cancellationReason;

  /** A new order, PENDING, to be decided by {@code now + deadlines.decision()}. */
  public static Order place(
      OrderId id,
      String customerId,
      List<OrderLine> lines,
      String cardToken,
      Instant now,
      SagaDeadlines deadlines) {
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("an order needs at least one line");
    }
    Money total = Money.zero(lines.get(0).unitPrice().currency());
    for (OrderLine line : lines) {
      total = total.plus(line.total());
    }
    List<Transition> history = new ArrayList<>();
    history.add(new Transition(null, OrderStatus.PENDING, "placed", now));
    return new Order(
        id,
        customerId,
        lines,
        total,
        cardToken,
        now,
        history,
        OrderStatus.PENDING,
        now.plus(deadlines.decision()),
        null);
  }

  /** Rebuilds an order from storage. */
  public Order(
      OrderId id,
      String customerId,
      List<OrderLine> lines,
      Money total,
      String cardToken,
      Instant placedAt,
      List<Transition> history,
      OrderStatus status,
      Instant deadline,
      String cancellationReason) {
    this.id = Objects.requireNonNull(id);
    this.customerId = Objects.requireNonNull(customerId);
    this.lines = List.copyOf(lines);
    this.total = Objects.requireNonNull(total);
    this.cardToken = cardToken;
    this.placedAt = placedAt;
    this.history = new ArrayList<>(history);
    this.status = Objects.requireNonNull(status);
    this.deadline = deadline;
    this.cancellationReason = cancellationReason;
  }

  /**
   * Applies what happened to the saga.
   *
   * @return the actions to take (commands and events to publish), empty if nothing changes
   */
  public List<SagaAction> handle(SagaEvent event, Instant now, SagaDeadlines deadlines) {
    var step = OrderSaga.next(status, event);
    if (step.isEmpty()) {
      return List.of();
    }
    OrderStatus to = step.get().to();
    if (to == OrderStatus.CONFIRMED) {
      // PAID is a real state of the saga, passed through in the same transaction
      history.add(new Transition(status, OrderStatus.PAID, step.get().reason(), now));
      history.add(new Transition(OrderStatus.PAID, OrderStatus.CONFIRMED, "confirmed", now));
    } else if (to != status) {
      history.add(new Transition(status, to, step.get().reason(), now));
    }
    if (to == OrderStatus.CANCELLING && status != OrderStatus.CANCELLING) {
      cancellationReason = step.get().reason();
    }
    if (to != status || event instanceof SagaEvent.DeadlinePassed) {
      // a new waiting state, or the same one asked again: its deadline (the order's decision
      // deadline while it is being decided, a fresh release deadline while it is cancelling)
      deadline = to.isWaiting() ? deadlines.of(to, placedAt, now) : null;
    }
    status = to;
    return step.get().actions();
  }

  public OrderId id() {
    return id;
  }

  public String customerId() {
    return customerId;
  }

  public List<OrderLine> lines() {
    return lines;
  }

  public Money total() {
    return total;
  }

  public String cardToken() {
    return cardToken;
  }

  public Instant placedAt() {
    return placedAt;
  }

  public List<Transition> history() {
    return List.copyOf(history);
  }

  public OrderStatus status() {
    return status;
  }

  /** When the saga stops waiting in the current state; null in a final state. */
  public Instant deadline() {
    return deadline;
  }

  /** Why the order is being or was cancelled; null otherwise. */
  public String cancellationReason() {
    return cancellationReason;
  }

  /** Why the order was rejected (the last transition's reason); null otherwise. */
  public String rejectionReason() {
    return status == OrderStatus.REJECTED ? history.get(history.size() - 1).reason() : null;
  }
}
