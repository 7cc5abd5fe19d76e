package dev.mercado.payments.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port to the payments this service owns. */
public interface PaymentRepository {

  /** The order's payment, locked for the current transaction. */
  Optional<Payment> lockByOrder(OrderId orderId);

  /** The order's payment, not locked. */
  Optional<Payment> findByOrder(OrderId orderId);

  void insert(Payment payment);

  void update(Payment payment);

  /**
   * Payments decided before {@code decidedBefore} whose providers' ledgers were not yet compared
   * with them, and where another provider may hold an authorization payments never heard of: those
   * the primary ({@code primary}) did not decide. Oldest first, at most {@code limit}.
   */
  List<Payment> unreconciled(String primary, Instant decidedBefore, int limit);

  /** Records that the payment's providers hold nothing it does not know of. */
  void markReconciled(UUID paymentId);
}
