package dev.mercado.platform.inbox.internal;

import dev.mercado.platform.events.CloudEvent;
import dev.mercado.platform.events.CloudEventJson;
import dev.mercado.platform.inbox.Inbox;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code inbox_message} table (created here, idempotently): one row per consumer and event id,
 * inserted with {@code ON CONFLICT DO NOTHING} in the transaction of the effect. The primary key,
 * not a check-then-insert, is what makes a duplicate lose.
 */
public final class JdbcInbox implements Inbox {

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final CloudEventJson json = new CloudEventJson();

  public JdbcInbox(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /** The inbox's table, created with {@code SharedSchema} before the first event is received. */
  public static final List<String> SCHEMA =
      List.of(
          """
          CREATE TABLE IF NOT EXISTS inbox_message (
              consumer    text NOT NULL,
              event_id    text NOT NULL,
              event_type  text NOT NULL,
              received_at timestamptz NOT NULL DEFAULT clock_timestamp(),
              PRIMARY KEY (consumer, event_id)
          )""",
          "CREATE INDEX IF NOT EXISTS inbox_message_received ON inbox_message (received_at)");

  /**
   * Forgets event ids received before {@code cutoff}, {@code batch} rows per statement so that no
   * statement holds many locks.
   *
   * @return how many were deleted
   */
  public int forgetBefore(Instant cutoff, int batch) {
    int deleted = 0;
    int round;
    do {
      round =
          jdbc.sql(
                  """
                  DELETE FROM inbox_message WHERE ctid IN (
                      SELECT ctid FROM inbox_message WHERE received_at < ? LIMIT ?)""")
              .params(Timestamp.from(cutoff), batch)
              .update();
      deleted += round;
    } while (round == batch);
    return deleted;
  }

  @Override
  public boolean receive(String consumer, CloudEvent event, Consumer<CloudEvent> effect) {
    Boolean ran =
        transactions.execute(
            status -> {
              int recorded =
                  jdbc.sql(
                          "INSERT INTO inbox_message (consumer, event_id, event_type)"
                              + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                      .params(consumer, event.id(), event.type())
                      .update();
              if (recorded == 0) {
                return false;
              }
              effect.accept(event);
              return true;
            });
    return Boolean.TRUE.equals(ran);
  }

  @Override
  public boolean receive(
      String consumer, ConsumerRecord<String, String> record, Consumer<CloudEvent> effect) {
    return receive(consumer, json.read(record.value()), effect);
  }
}
