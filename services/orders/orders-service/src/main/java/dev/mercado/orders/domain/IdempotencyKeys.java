package dev.mercado.orders.domain;

import java.util.Optional;

/** Port to the Idempotency-Keys of order placements. */
public interface IdempotencyKeys {

  /** The order a key was first used for, and a hash of that request. */
  record Use(OrderId orderId, String requestHash) {}

  /**
   * Claims {@code key} for a new order in the current transaction. If another transaction holds the
   * key, this waits for it to finish.
   *
   * @return empty if the key is now claimed for {@code orderId}; otherwise its earlier use
   */
  Optional<Use> claim(String key, String requestHash, OrderId orderId);
}
