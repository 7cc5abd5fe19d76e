package dev.mercado.platform.outbox.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code outbox_message} table in the service's own database. Its schema is created here
 * (idempotently) rather than by each service's migrations, so every service gets the same one.
 */
public final class OutboxStore {

  /**
   * One stored event. {@code position} orders events; it grows with every append. {@code
   * traceContext} holds the propagation fields of the appending transaction's trace, or null.
   */
  public record Row(
      long position,
      UUID id,
      String transport,
      String topic,
      String key,
      String payload,
      Instant createdAt,
      String traceContext) {}

  /** How many events wait, and since when. */
  public record Backlog(long size, Duration oldestAge) {}

  private final JdbcClient jdbc;

  public OutboxStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The outbox's table, created with {@code SharedSchema} before the first append. */
  public static final List<String> SCHEMA =
      List.of(
          """
          CREATE TABLE IF NOT EXISTS outbox_message (
              position    bigserial PRIMARY KEY,
              id          uuid NOT NULL UNIQUE,
              topic       text NOT NULL,
              message_key text NOT NULL,
              payload     text NOT NULL,
              created_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
              sent_at     timestamptz
          )""",
          // added with the AMQP transport; tables created before it hold only Kafka events
          "ALTER TABLE outbox_message ADD COLUMN IF NOT EXISTS transport text NOT NULL"
              + " DEFAULT 'kafka'",
          // added with tracing (O3): the appending transaction's trace context, continued by the
          // relay
          "ALTER TABLE outbox_message ADD COLUMN IF NOT EXISTS trace_context text",
          "CREATE INDEX IF NOT EXISTS outbox_message_unsent ON outbox_message (position)"
              + " WHERE sent_at IS NULL",
          "CREATE INDEX IF NOT EXISTS outbox_message_unsent_key"
              + " ON outbox_message (message_key, position) WHERE sent_at IS NULL",
          "CREATE INDEX IF NOT EXISTS outbox_message_sent ON outbox_message (sent_at)"
              + " WHERE sent_at IS NOT NULL");

  /** An event or work item to store, in the order given. */
  record NewRow(
      UUID id, String transport, String topic, String key, String payload, String traceContext) {}

  /** Stores the rows in one statement; their positions follow their order in the list. */
  void insert(List<NewRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    List<Object> params = new ArrayList<>(rows.size() * 6);
    for (NewRow row : rows) {
      params.addAll(
          Arrays.asList(
              row.id(),
              row.transport(),
              row.topic(),
              row.key(),
              row.payload(),
              row.traceContext()));
    }
    jdbc.sql(
            "INSERT INTO outbox_message"
                + " (id, transport, topic, message_key, payload, trace_context) VALUES "
                + String.join(", ", Collections.nCopies(rows.size(), "(?, ?, ?, ?, ?, ?)")))
        .params(params)
        .update();
  }

  /**
   * Locks up to {@code limit} unsent events (skipping those another relay holds) and returns, in
   * order, those this relay may publish now: an event whose key has an earlier unsent event held by
   * another relay waits, so each key's events are published in order even with several relays. Must
   * run inside the transaction that later marks them sent.
   */
  List<Row> lockPublishable(int limit) {
    return jdbc.sql(
            """
            WITH batch AS (
                SELECT position FROM outbox_message
                WHERE sent_at IS NULL
                ORDER BY position
                LIMIT ?
                FOR UPDATE SKIP LOCKED)
            SELECT m.position, m.id, m.transport, m.topic, m.message_key, m.payload, m.created_at,
                   m.trace_context
            FROM outbox_message m JOIN batch b ON b.position = m.position
            WHERE NOT EXISTS (
                SELECT 1 FROM outbox_message e
                WHERE e.message_key = m.message_key AND e.sent_at IS NULL
                  AND e.position < m.position
                  AND e.position NOT IN (SELECT position FROM batch))
            ORDER BY m.position""")
        .param(limit)
        .query(
            (row, number) ->
                new Row(
                    row.getLong("position"),
                    row.getObject("id", UUID.class),
                    row.getString("transport"),
                    row.getString("topic"),
                    row.getString("message_key"),
                    row.getString("payload"),
                    row.getTimestamp("created_at").toInstant(),
                    row.getString("trace_context")))
        .list();
  }

  void markSent(List<Long> positions) {
    if (positions.isEmpty()) {
      return;
    }
    jdbc.sql("UPDATE outbox_message SET sent_at = clock_timestamp() WHERE position = ANY(?)")
        .param(positions.toArray(Long[]::new))
        .update();
  }

  public Backlog backlog() {
    return jdbc.sql(
            "SELECT count(*) AS size, extract(epoch FROM clock_timestamp() - min(created_at))"
                + " AS age FROM outbox_message WHERE sent_at IS NULL")
        .query(
            (row, number) ->
                new Backlog(
                    row.getLong("size"),
                    Duration.ofMillis(Math.round(row.getDouble("age") * 1000))))
        .single();
  }

  /** Deletes sent events older than {@code cutoff}, at most {@code limit} at a time. */
  public int deleteSentBefore(Instant cutoff, int limit) {
    return jdbc.sql(
            """
            DELETE FROM outbox_message WHERE position IN (
                SELECT position FROM outbox_message
                WHERE sent_at IS NOT NULL AND sent_at < ?
                LIMIT ?)""")
        .params(Timestamp.from(cutoff), limit)
        .update();
  }
}
