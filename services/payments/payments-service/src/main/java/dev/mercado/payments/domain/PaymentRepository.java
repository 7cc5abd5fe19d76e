package dev.mercado.payments.domain;

import java.util.Optional;
import java.util.UUID;

/** Port to the payments this service owns. */
public interface PaymentRepository {

  /** The order's payment, locked for the current transaction. */
  Optional<Payment> lockByOrder(UUID orderId);

  /** The order's payment, not locked. */
  Optional<Payment> findByOrder(UUID orderId);

  void insert(Payment payment);

  void update(Payment payment);
}
