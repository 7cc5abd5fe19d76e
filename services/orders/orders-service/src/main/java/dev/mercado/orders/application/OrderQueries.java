package dev.mercado.orders.application;

import dev.mercado.orders.domain.Order;
import dev.mercado.orders.domain.OrderId;
import dev.mercado.orders.domain.OrderRepository;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading orders: one by id, or a customer's, newest first. */
@Service
@Transactional(readOnly = true)
public class OrderQueries {

  private final OrderRepository orders;

  OrderQueries(OrderRepository orders) {
    this.orders = orders;
  }

  public Order order(OrderId id) {
    return orders
        .find(id)
        .orElseThrow(
            () -> new OrderProblem(OrderProblem.Kind.ORDER_NOT_FOUND, "No order with id " + id));
  }

  public List<Order> ofCustomer(String customerId, int page, int size) {
    return orders.findByCustomer(customerId, page, size);
  }
}
