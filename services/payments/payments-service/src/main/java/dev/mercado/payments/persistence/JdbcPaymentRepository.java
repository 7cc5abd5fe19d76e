package dev.mercado.payments.persistence;

import dev.mercado.payments.domain.Money;
import dev.mercado.payments.domain.OrderId;
import dev.mercado.payments.domain.Payment;
import dev.mercado.payments.domain.PaymentRepository;
import dev.mercado.payments.domain.PaymentStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPaymentRepository implements PaymentRepository {

  private final JdbcClient jdbc;

  JdbcPaymentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Payment> lockByOrder(OrderId orderId) {
    return byOrder(orderId, " FOR UPDATE");
  }

  @Override
  public Optional<Payment> findByOrder(OrderId orderId) {
    return byOrder(orderId, "");
  }

  private Optional<Payment> byOrder(OrderId orderId, String lock) {
    return jdbc.sql(COLUMNS + " WHERE order_id = ?" + lock)
        .param(orderId.value())
        .query(JdbcPaymentRepository::payment)
        .optional();
  }

  @Override
  public List<Payment> unreconciled(String primary, Instant decidedBefore, int limit) {
    return jdbc.sql(
            COLUMNS
                + " WHERE reconciled_at IS NULL AND provider IS DISTINCT FROM ?"
                + " AND created_at < ? ORDER BY created_at LIMIT ?")
        .params(primary, Timestamp.from(decidedBefore), limit)
        .query(JdbcPaymentRepository::payment)
        .list();
  }

  @Override
  public void markReconciled(UUID paymentId) {
    jdbc.sql("UPDATE payment SET reconciled_at = now() WHERE id = ?").param(paymentId).update();
  }

  private static final String COLUMNS =
      "SELECT id, order_id, status, amount, currency, authorization_id, decline_reason, provider"
          + " FROM payment";

  private static Payment payment(ResultSet row, int number) throws SQLException {
    return new Payment(
        row.getObject("id", UUID.class),
        new OrderId(row.getObject("order_id", UUID.class)),
        PaymentStatus.valueOf(row.getString("status")),
        money(row),
        row.getString("authorization_id"),
        row.getString("decline_reason"),
        row.getString("provider"));
  }

  /** Null for a refund recorded before any authorization: both columns are null (V5). */
  private static Money money(ResultSet row) throws SQLException {
    String currency = row.getString("currency");
    return currency == null
        ? null
        : new Money(row.getBigDecimal("amount"), Currency.getInstance(currency.trim()));
  }

  @Override
  public void insert(Payment payment) {
    Money amount = payment.amount();
    jdbc.sql(
            "INSERT INTO payment (id, order_id, status, amount, currency, authorization_id,"
                + " decline_reason, provider) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            payment.id(),
            payment.orderId().value(),
            payment.status().name(),
            amount == null ? null : amount.amount(),
            amount == null ? null : amount.currency().getCurrencyCode(),
            payment.authorizationId(),
            payment.declineReason(),
            payment.provider())
        .update();
  }

  @Override
  public void update(Payment payment) {
    jdbc.sql("UPDATE payment SET status = ?, updated_at = now() WHERE id = ?")
        .params(payment.status().name(), payment.id())
        .update();
  }
}
