package dev.mercado.catalog.domain;

import java.util.Optional;

/** Port to the reservations catalog keeps, one per order. Runs inside the caller's transaction. */
public interface ReservationRepository {

  /** The order's reservation, its row locked until the transaction ends. */
  Optional<Reservation> lock(OrderId orderId);

  /**
   * Stores a new reservation with its lines, unless the order has one already. When another
   * transaction is storing one for the same order at the same moment, waits for it to end.
   *
   * @return false if the order already had a reservation (nothing is stored then)
   */
  boolean insert(Reservation reservation);

  /** Stores the state of a reservation whose row the caller locked. */
  void update(Reservation reservation);
}
