package dev.mercado.identity.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: the signing keys. Callers change keys only inside a transaction that first called {@link
 * #lockForRotation()}, so that concurrent rotations (a schedule on each instance, an operator's
 * request) happen one after the other.
 */
public interface SigningKeyRepository {

  /** Blocks until no other transaction rotates keys; held until this transaction ends. */
  void lockForRotation();

  /** The key that signs now, if there is one yet. */
  Optional<SigningKey> active();

  /**
   * The active key, then the keys retired after {@code retiredAfter}, the most recently retired
   * first.
   */
  List<SigningKey> published(Instant retiredAfter);

  /**
   * Stores a new active key.
   *
   * @throws IllegalStateException if another key is active
   */
  void addActive(SigningKey key);

  /** Retires the active key {@code kid} at {@code at} and forgets its private half. */
  void retire(String kid, Instant at);

  /** Expires the keys retired before {@code retiredBefore}; answers how many. */
  int expireRetiredBefore(Instant retiredBefore, Instant now);
}
