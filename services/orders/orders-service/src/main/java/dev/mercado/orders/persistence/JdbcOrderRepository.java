package dev.mercado.orders.persistence;

import dev.mercado.orders.domain.Money;
import dev.mercado.orders.domain.Order;
import dev.mercado.orders.domain.OrderId;
import dev.mercado.orders.domain.OrderLine;
import dev.mercado.orders.domain.OrderRepository;
import dev.mercado.orders.domain.OrderStatus;
import dev.mercado.orders.domain.Transition;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcOrderRepository implements OrderRepository {

  private static final String COLUMNS =
      "id, customer_id, status, total_amount, currency, card_token, placed_at, deadline_at,"
          + " cancellation_reason";

  private final JdbcClient jdbc;

  JdbcOrderRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(Order order) {
    jdbc.sql("INSERT INTO customer_order (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            order.id().value(),
            order.customerId(),
            order.status().name(),
            order.total().amount(),
            order.total().currency().getCurrencyCode(),
            order.cardToken(),
            Timestamp.from(order.placedAt()),
            timestamp(order.deadline()),
            order.cancellationReason())
        .update();
    int lineNo = 0;
    for (OrderLine line : order.lines()) {
      jdbc.sql(
              "INSERT INTO order_line (order_id, line_no, product_id, name, quantity, unit_price)"
                  + " VALUES (?, ?, ?, ?, ?, ?)")
          .params(
              order.id().value(),
              ++lineNo,
              line.productId(),
              line.name(),
              line.quantity(),
              line.unitPrice().amount())
          .update();
    }
    insertHistory(order);
  }

  @Override
  public Optional<Order> lock(OrderId id) {
    return load("SELECT " + COLUMNS + " FROM customer_order WHERE id = ? FOR UPDATE", id);
  }

  @Override
  public Optional<Order> find(OrderId id) {
    return load("SELECT " + COLUMNS + " FROM customer_order WHERE id = ?", id);
  }

  @Override
  public void update(Order order) {
    jdbc.sql(
            "UPDATE customer_order SET status = ?, deadline_at = ?, cancellation_reason = ?"
                + " WHERE id = ?")
        .params(
            order.status().name(),
            timestamp(order.deadline()),
            order.cancellationReason(),
            order.id().value())
        .update();
    insertHistory(order);
  }

  @Override
  public List<Order> findByCustomer(String customerId, int page, int size) {
    return jdbc
        .sql(
            "SELECT id FROM customer_order WHERE customer_id = ?"
                + " ORDER BY placed_at DESC, id LIMIT ? OFFSET ?")
        .params(customerId, size, (long) page * size)
        .query((row, number) -> new OrderId(row.getObject("id", UUID.class)))
        .list()
        .stream()
        .map(this::find)
        .flatMap(Optional::stream)
        .toList();
  }

  @Override
  public List<OrderId> lockExpired(Instant now, int limit) {
    return jdbc.sql(
            "SELECT id FROM customer_order WHERE deadline_at IS NOT NULL AND deadline_at < ?"
                + " ORDER BY deadline_at LIMIT ? FOR UPDATE SKIP LOCKED")
        .params(Timestamp.from(now), limit)
        .query((row, number) -> new OrderId(row.getObject("id", UUID.class)))
        .list();
  }

  /**
   * Stores the transitions of the order's history not stored yet, in one statement: the whole
   * history goes, and the primary key (order, seq) skips those already there. One round trip
   * instead of counting the stored ones and inserting each new one (docs/performance.md).
   */
  private void insertHistory(Order order) {
    List<Transition> history = order.history();
    if (history.isEmpty()) {
      return;
    }
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO order_transition (order_id, seq, from_status, to_status, reason, at)"
                + " VALUES ");
    List<Object> params = new ArrayList<>(history.size() * 6);
    for (int seq = 0; seq < history.size(); seq++) {
      Transition transition = history.get(seq);
      sql.append(seq == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
      params.add(order.id().value());
      params.add(seq + 1);
      params.add(transition.from() == null ? null : transition.from().name());
      params.add(transition.to().name());
      params.add(transition.reason());
      params.add(Timestamp.from(transition.at()));
    }
    sql.append(" ON CONFLICT (order_id, seq) DO NOTHING");
    jdbc.sql(sql.toString()).params(params).update();
  }

  private Optional<Order> load(String sql, OrderId id) {
    return jdbc.sql(sql).param(id.value()).query((row, number) -> order(row)).optional();
  }

  private Order order(ResultSet row) throws SQLException {
    UUID id = row.getObject("id", UUID.class);
    Currency currency = Currency.getInstance(row.getString("currency").trim());
    List<OrderLine> lines =
        jdbc.sql(
                "SELECT product_id, name, quantity, unit_price FROM order_line"
                    + " WHERE order_id = ? ORDER BY line_no")
            .param(id)
            .query(
                (line, number) ->
                    new OrderLine(
                        line.getObject("product_id", UUID.class),
                        line.getString("name"),
                        line.getInt("quantity"),
                        new Money(line.getBigDecimal("unit_price"), currency)))
            .list();
    List<Transition> history =
        jdbc.sql(
                "SELECT from_status, to_status, reason, at FROM order_transition"
                    + " WHERE order_id = ? ORDER BY seq")
            .param(id)
            .query(
                (step, number) ->
                    new Transition(
                        step.getString("from_status") == null
                            ? null
                            : OrderStatus.valueOf(step.getString("from_status")),
                        OrderStatus.valueOf(step.getString("to_status")),
                        step.getString("reason"),
                        step.getTimestamp("at").toInstant()))
            .list();
    Timestamp deadline = row.getTimestamp("deadline_at");
    return new Order(
        new OrderId(id),
        row.getString("customer_id"),
        lines,
        new Money(row.getBigDecimal("total_amount"), currency),
        row.getString("card_token"),
        row.getTimestamp("placed_at").toInstant(),
        history,
        OrderStatus.valueOf(row.getString("status")),
        deadline == null ? null : deadline.toInstant(),
        row.getString("cancellation_reason"));
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
