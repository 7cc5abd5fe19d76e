package dev.mercado.orders.application;

import dev.mercado.orders.OrdersProperties;
import dev.mercado.orders.domain.Order;
import dev.mercado.orders.domain.OrderId;
import dev.mercado.orders.domain.OrderRepository;
import dev.mercado.orders.domain.SagaAction;
import dev.mercado.orders.domain.SagaEvent;
import dev.mercado.orders.domain.Transition;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drives orders' sagas: applies a participant's answer or a missed deadline to the locked order,
 * persists the transition and publishes what the saga decided, in one transaction.
 */
@Service
public class SagaCoordinator {

  private static final Logger log = LoggerFactory.getLogger(SagaCoordinator.class);
  private static final int EXPIRED_BATCH = 100;

  private final OrderRepository orders;
  private final SagaMessages messages;
  private final OrdersProperties properties;
  private final Clock clock;
  private final OrderMetrics metrics;

  SagaCoordinator(
      OrderRepository orders,
      SagaMessages messages,
      OrdersProperties properties,
      Clock clock,
      OrderMetrics metrics) {
    this.orders = orders;
    this.messages = messages;
    this.properties = properties;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Applies {@code event} to the order's saga; an unknown order is logged and ignored. */
  @Transactional
  public void on(OrderId id, SagaEvent event) {
    orders
        .lock(id)
        .ifPresentOrElse(
            order -> apply(order, event),
            () -> log.warn("saga event {} for unknown order {} ignored", event, id));
  }

  /**
   * Applies a missed deadline to every expired order (up to a batch), skipping orders another
   * instance is handling.
   *
   * @return how many orders had expired
   */
  @Transactional
  public int expireDeadlines() {
    List<OrderId> expired = orders.lockExpired(clock.instant(), EXPIRED_BATCH);
    for (OrderId id : expired) {
      orders.lock(id).ifPresent(order -> apply(order, new SagaEvent.DeadlinePassed()));
    }
    return expired.size();
  }

  private void apply(Order order, SagaEvent event) {
    int before = order.history().size();
    List<SagaAction> actions = order.handle(event, clock.instant(), properties.deadlines());
    if (actions.isEmpty()) {
      log.debug("saga of {} in {} ignores {}", order.id(), order.status(), event);
      return;
    }
    orders.update(order);
    List<Transition> history = order.history();
    List<Transition> taken = history.subList(before, history.size());
    taken.forEach(
        transition ->
            log.info(
                "order {} {} -> {} on {}",
                order.id(),
                transition.from(),
                transition.to(),
                event.getClass().getSimpleName()));
    messages.transitions(order, taken);
    messages.actions(order, actions);
    actions.forEach(action -> metrics.finished(action, order.total()));
  }
}
