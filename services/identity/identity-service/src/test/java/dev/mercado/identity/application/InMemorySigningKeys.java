package dev.mercado.identity.application;

import dev.mercado.identity.domain.KeyState;
import dev.mercado.identity.domain.SigningKey;
import dev.mercado.identity.domain.SigningKeyRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The signing-key port in memory, with the same rules as the table (one active key). */
class InMemorySigningKeys implements SigningKeyRepository {

  private final List<SigningKey> keys = new ArrayList<>();

  @Override
  public void lockForRotation() {}

  @Override
  public Optional<SigningKey> active() {
    return keys.stream().filter(key -> key.state() == KeyState.ACTIVE).findFirst();
  }

  @Override
  public List<SigningKey> published(Instant retiredAfter) {
    return keys.stream()
        .filter(
            key ->
                key.state() == KeyState.ACTIVE
                    || (key.state() == KeyState.RETIRED && key.retiredAt().isAfter(retiredAfter)))
        .sorted(
            Comparator.comparing(
                SigningKey::retiredAt, Comparator.nullsFirst(Comparator.<Instant>reverseOrder())))
        .toList();
  }

  @Override
  public void addActive(SigningKey key) {
    if (active().isPresent()) {
      throw new IllegalStateException("another signing key is active");
    }
    keys.add(key);
  }

  @Override
  public void retire(String kid, Instant at) {
    replace(
        kid,
        KeyState.ACTIVE,
        key ->
            new SigningKey(
                key.kid(), key.publicJwk(), null, KeyState.RETIRED, key.createdAt(), at));
  }

  @Override
  public int expireRetiredBefore(Instant retiredBefore, Instant now) {
    int expired = 0;
    for (int i = 0; i < keys.size(); i++) {
      SigningKey key = keys.get(i);
      if (key.state() == KeyState.RETIRED && !key.retiredAt().isAfter(retiredBefore)) {
        keys.set(
            i,
            new SigningKey(
                key.kid(),
                key.publicJwk(),
                null,
                KeyState.EXPIRED,
                key.createdAt(),
                key.retiredAt()));
        expired++;
      }
    }
    return expired;
  }

  List<SigningKey> all() {
    return List.copyOf(keys);
  }

  private void replace(String kid, KeyState state, UnaryOperator<SigningKey> change) {
    for (int i = 0; i < keys.size(); i++) {
      SigningKey key = keys.get(i);
      if (key.kid().equals(kid) && key.state() == state) {
        keys.set(i, change.apply(key));
      }
    }
  }
}
