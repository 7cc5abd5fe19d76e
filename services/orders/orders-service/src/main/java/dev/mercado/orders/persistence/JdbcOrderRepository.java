package dev.mercado.orders.persistence;

import dev.mercado.orders.domain.Money;
import dev.mercado.orders.domain.Order;
import dev.mercado.orders.domain.OrderId;
import dev.mercado.orders.domain.OrderLine;
import dev.mercado.orders.domain.OrderRepository;
import dev.mercado.orders.domain.OrderStatus;
import dev.mercado.orders.domain.Transition;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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

  /**
   * An order with its lines and history in one statement (docs/performance.md: three queries at
   * every saga step were a tenth of orders' statements): each column of the lines and of the
   * history comes as an array in line or step order, which JDBC reads with its exact type.
   */
  private static final String ORDER =
      "SELECT "
          + COLUMNS
          + arrays("order_line", "line_no", "product_id", "name", "quantity", "unit_price")
          + arrays("order_transition", "seq", "from_status", "to_status", "reason", "at")
          + " FROM customer_order o WHERE id = ?";

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
    insertLines(order);
    insertHistory(order);
  }

  @Override
  public Optional<Order> lock(OrderId id) {
    return load(ORDER + " FOR UPDATE OF o", id);
  }

  @Override
  public Optional<Order> find(OrderId id) {
    return load(ORDER, id);
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
    List<Object[]> rows = new ArrayList<>();
    for (Transition transition : order.history()) {
      rows.add(
          new Object[] {
            order.id().value(),
            rows.size() + 1,
            transition.from() == null ? null : transition.from().name(),
            transition.to().name(),
            transition.reason(),
            Timestamp.from(transition.at())
          });
    }
    insertRows(
        "order_transition (order_id, seq, from_status, to_status, reason, at)",
        rows,
        " ON CONFLICT (order_id, seq) DO NOTHING");
  }

  /** Stores the order's lines in one statement, numbered from 1 in the order's own order. */
  private void insertLines(Order order) {
    List<Object[]> rows = new ArrayList<>();
    for (OrderLine line : order.lines()) {
      rows.add(
          new Object[] {
            order.id().value(),
            rows.size() + 1,
            line.productId(),
            line.name(),
            line.quantity(),
            line.unitPrice().amount()
          });
    }
    insertRows("order_line (order_id, line_no, product_id, name, quantity, unit_price)", rows, "");
  }

  /** One multi-row INSERT of the rows (all of one width) into the table and columns given. */
  private void insertRows(String into, List<Object[]> rows, String suffix) {
    if (rows.isEmpty()) {
      return;
    }
    String row = "(" + String.join(", ", Collections.nCopies(rows.get(0).length, "?")) + ")";
    List<Object> params = new ArrayList<>();
    rows.forEach(values -> params.addAll(Arrays.asList(values)));
    jdbc.sql(
            "INSERT INTO "
                + into
                + " VALUES "
                + String.join(", ", Collections.nCopies(rows.size(), row))
                + suffix)
        .params(params)
        .update();
  }

  private Optional<Order> load(String sql, OrderId id) {
    return jdbc.sql(sql).param(id.value()).query((row, number) -> order(row)).optional();
  }

  private Order order(ResultSet row) throws SQLException {
    UUID id = row.getObject("id", UUID.class);
    Currency currency = Currency.getInstance(row.getString("currency").trim());
    UUID[] products = array(row, "order_line_product_id", UUID[].class);
    String[] names = array(row, "order_line_name", String[].class);
    Integer[] quantities = array(row, "order_line_quantity", Integer[].class);
    BigDecimal[] prices = array(row, "order_line_unit_price", BigDecimal[].class);
    List<OrderLine> lines = new ArrayList<>(products.length);
    for (int i = 0; i < products.length; i++) {
      lines.add(
          new OrderLine(products[i], names[i], quantities[i], new Money(prices[i], currency)));
    }
    String[] from = array(row, "order_transition_from_status", String[].class);
    String[] to = array(row, "order_transition_to_status", String[].class);
    String[] reasons = array(row, "order_transition_reason", String[].class);
    Timestamp[] at = array(row, "order_transition_at", Timestamp[].class);
    List<Transition> history = new ArrayList<>(to.length);
    for (int i = 0; i < to.length; i++) {
      history.add(
          new Transition(
              from[i] == null ? null : OrderStatus.valueOf(from[i]),
              OrderStatus.valueOf(to[i]),
              reasons[i],
              at[i].toInstant()));
    }
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

  /** One array column per column of a child table, named table_column, in the given order. */
  private static String arrays(String table, String orderBy, String... columns) {
    StringBuilder select = new StringBuilder();
    for (String column : columns) {
      select
          .append(", ARRAY(SELECT ")
          .append(column)
          .append(" FROM ")
          .append(table)
          .append(" WHERE order_id = o.id ORDER BY ")
          .append(orderBy)
          .append(") AS ")
          .append(table)
          .append('_')
          .append(column);
    }
    return select.toString();
  }

  private static <T> T array(ResultSet row, String column, Class<T> type) throws SQLException {
    Array array = row.getArray(column);
    try {
      return type.cast(array.getArray());
    } finally {
      array.free();
    }
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
