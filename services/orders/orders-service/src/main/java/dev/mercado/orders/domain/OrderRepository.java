package dev.mercado.orders.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port to the orders this service owns. */
public interface OrderRepository {

  void insert(Order order);

  /** Loads and locks the order for the current transaction. */
  Optional<Order> lock(OrderId id);

  /** Saves status, deadline, reason and any new history of an order loaded with {@link #lock}. */
  void update(Order order);

  Optional<Order> find(OrderId id);

  List<Order> findByCustomer(String customerId, int page, int size);

  /**
   * Locks up to {@code limit} orders whose deadline passed, skipping those another instance holds.
   */
  List<OrderId> lockExpired(Instant now, int limit);
}
