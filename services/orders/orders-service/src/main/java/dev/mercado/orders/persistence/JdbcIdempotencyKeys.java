package dev.mercado.orders.persistence;

import dev.mercado.orders.domain.IdempotencyKeys;
import dev.mercado.orders.domain.OrderId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcIdempotencyKeys implements IdempotencyKeys {

  private final JdbcClient jdbc;

  JdbcIdempotencyKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Use> claim(String key, String requestHash, OrderId orderId) {
    int claimed =
        jdbc.sql(
                "INSERT INTO idempotency_key (key, request_hash, order_id) VALUES (?, ?, ?)"
                    + " ON CONFLICT (key) DO NOTHING")
            .params(key, requestHash, orderId.value())
            .update();
    if (claimed == 1) {
      return Optional.empty();
    }
    return Optional.of(
        jdbc.sql("SELECT order_id, request_hash FROM idempotency_key WHERE key = ?")
            .param(key)
            .query(
                (row, number) ->
                    new Use(
                        new OrderId(row.getObject("order_id", UUID.class)),
                        row.getString("request_hash")))
            .single());
  }
}
