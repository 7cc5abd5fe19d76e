package dev.mercado.notifications.persistence;

import dev.mercado.notifications.domain.Notification;
import dev.mercado.notifications.domain.NotificationKind;
import dev.mercado.notifications.domain.NotificationRepository;
import dev.mercado.notifications.domain.NotificationStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcNotificationRepository implements NotificationRepository {

  private static final String COLUMNS =
      "id, event_id, order_id, kind, recipient, subject, body, status, attempts, last_error,"
          + " created_at, next_attempt_at, sent_at";

  private final JdbcClient jdbc;

  JdbcNotificationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean insert(Notification n) {
    return jdbc.sql(
                "INSERT INTO notification (id, event_id, order_id, kind, recipient, subject, body,"
                    + " status, attempts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT DO NOTHING")
            .params(
                n.id(),
                n.eventId(),
                n.orderId(),
                n.kind().name(),
                n.recipient(),
                n.subject(),
                n.body(),
                n.status().name(),
                n.attempts(),
                Timestamp.from(n.createdAt()))
            .update()
        == 1;
  }

  @Override
  public Optional<Notification> lock(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM notification WHERE id = ? FOR UPDATE")
        .param(id)
        .query(JdbcNotificationRepository::notification)
        .optional();
  }

  @Override
  public void update(Notification n) {
    jdbc.sql(
            "UPDATE notification SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ?,"
                + " sent_at = ?, updated_at = now() WHERE id = ?")
        .params(
            n.status().name(),
            n.attempts(),
            n.lastError(),
            timestamp(n.nextAttemptAt()),
            timestamp(n.sentAt()),
            n.id())
        .update();
  }

  @Override
  public List<Notification> lockDueRetries(Instant now, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM notification WHERE status = 'RETRY_WAIT' AND next_attempt_at <= ?"
                + " ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED")
        .params(Timestamp.from(now), limit)
        .query(JdbcNotificationRepository::notification)
        .list();
  }

  @Override
  public List<Notification> findByOrder(UUID orderId) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM notification WHERE order_id = ? ORDER BY created_at, id")
        .param(orderId)
        .query(JdbcNotificationRepository::notification)
        .list();
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    Timestamp value = row.getTimestamp(column);
    return value == null ? null : value.toInstant();
  }

  private static Notification notification(ResultSet row, int number) throws SQLException {
    return new Notification(
        row.getObject("id", UUID.class),
        row.getString("event_id"),
        row.getObject("order_id", UUID.class),
        NotificationKind.valueOf(row.getString("kind")),
        row.getString("recipient"),
        row.getString("subject"),
        row.getString("body"),
        NotificationStatus.valueOf(row.getString("status")),
        row.getInt("attempts"),
        row.getString("last_error"),
        instant(row, "created_at"),
        instant(row, "next_attempt_at"),
        instant(row, "sent_at"));
  }
}
