package dev.mercado.catalog.domain;

/** Where an order's reservation stands. Only {@link #RESERVED} holds stock. */
public enum ReservationState {
  /** Every line is held until the order is confirmed or released. */
  RESERVED,
  /** Nothing is held: given back, or released before anything was reserved. */
  RELEASED,
  /** The order was confirmed: the reserved units left the stock. */
  COMMITTED,
  /** Nothing was reserved, for a {@link RejectionReason}. */
  REJECTED
}
