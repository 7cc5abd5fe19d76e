package dev.mercado.payments.persistence;

import dev.mercado.payments.domain.Payment;
import dev.mercado.payments.domain.PaymentRepository;
import dev.mercado.payments.domain.PaymentStatus;
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
  public Optional<Payment> lockByOrder(UUID orderId) {
    return byOrder(orderId, " FOR UPDATE");
  }

  @Override
  public Optional<Payment> findByOrder(UUID orderId) {
    return byOrder(orderId, "");
  }

  private Optional<Payment> byOrder(UUID orderId, String lock) {
    return jdbc.sql(
            "SELECT id, order_id, status, amount, currency, authorization_id, decline_reason,"
                + " provider FROM payment WHERE order_id = ?"
                + lock)
        .param(orderId)
        .query(
            (row, number) ->
                new Payment(
                    row.getObject("id", UUID.class),
                    row.getObject("order_id", UUID.class),
                    PaymentStatus.valueOf(row.getString("status")),
                    row.getBigDecimal("amount"),
                    row.getString("currency").trim(),
                    row.getString("authorization_id"),
                    row.getString("decline_reason"),
                    row.getString("provider")))
        .optional();
  }

  @Override
  public void insert(Payment payment) {
    jdbc.sql(
            "INSERT INTO payment (id, order_id, status, amount, currency, authorization_id,"
                + " decline_reason, provider) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            payment.id(),
            payment.orderId(),
            payment.status().name(),
            payment.amount(),
            payment.currency(),
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
