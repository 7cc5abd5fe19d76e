package dev.mercado.catalog.persistence;

import dev.mercado.catalog.domain.OrderId;
import dev.mercado.catalog.domain.ProductId;
import dev.mercado.catalog.domain.RejectionReason;
import dev.mercado.catalog.domain.Reservation;
import dev.mercado.catalog.domain.ReservationLine;
import dev.mercado.catalog.domain.ReservationRepository;
import dev.mercado.catalog.domain.ReservationState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcReservationRepository implements ReservationRepository {

  private record Row(
      ReservationState state, RejectionReason reason, Instant createdAt, Instant updatedAt) {}

  private record Line(ReservationLine line, boolean culprit) {}

  private final JdbcClient jdbc;

  JdbcReservationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Reservation> lock(OrderId orderId) {
    Optional<Row> row =
        jdbc.sql(
                "SELECT state, reason, created_at, updated_at FROM reservation"
                    + " WHERE order_id = ? FOR UPDATE")
            .param(orderId.value())
            .query(
                (rs, number) ->
                    new Row(
                        ReservationState.valueOf(rs.getString("state")),
                        rs.getString("reason") == null
                            ? null
                            : RejectionReason.ofCode(rs.getString("reason")),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
            .optional();
    return row.map(found -> reservation(orderId, found));
  }

  private Reservation reservation(OrderId orderId, Row row) {
    List<Line> lines =
        jdbc.sql("SELECT product_id, quantity, culprit FROM reservation_line WHERE order_id = ?")
            .param(orderId.value())
            .query(
                (rs, number) ->
                    new Line(
                        new ReservationLine(
                            new ProductId(rs.getObject("product_id", UUID.class)),
                            rs.getInt("quantity")),
                        rs.getBoolean("culprit")))
            .list();
    Set<ProductId> culprits = new HashSet<>();
    lines.stream().filter(Line::culprit).forEach(line -> culprits.add(line.line().productId()));
    return new Reservation(
        orderId,
        row.state(),
        row.reason(),
        lines.stream().map(Line::line).toList(),
        culprits,
        row.createdAt(),
        row.updatedAt());
  }

  @Override
  public boolean insert(Reservation reservation) {
    int inserted =
        jdbc.sql(
                """
                INSERT INTO reservation (order_id, state, reason, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (order_id) DO NOTHING""")
            .params(
                reservation.orderId().value(),
                reservation.state().name(),
                reason(reservation),
                timestamp(reservation.createdAt()),
                timestamp(reservation.updatedAt()))
            .update();
    if (inserted == 0) {
      return false;
    }
    for (ReservationLine line : reservation.lines()) {
      jdbc.sql(
              "INSERT INTO reservation_line (order_id, product_id, quantity, culprit)"
                  + " VALUES (?, ?, ?, ?)")
          .params(
              reservation.orderId().value(),
              line.productId().value(),
              line.quantity(),
              reservation.culprits().contains(line.productId()))
          .update();
    }
    return true;
  }

  @Override
  public void update(Reservation reservation) {
    int updated =
        jdbc.sql("UPDATE reservation SET state = ?, reason = ?, updated_at = ? WHERE order_id = ?")
            .params(
                reservation.state().name(),
                reason(reservation),
                timestamp(reservation.updatedAt()),
                reservation.orderId().value())
            .update();
    if (updated != 1) {
      throw new IllegalStateException("no reservation of order " + reservation.orderId());
    }
  }

  private static String reason(Reservation reservation) {
    return reservation.reason() == null ? null : reservation.reason().code();
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
