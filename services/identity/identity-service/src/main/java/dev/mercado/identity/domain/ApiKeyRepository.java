package dev.mercado.identity.domain;

import java.util.Optional;

/** Port: partners' API keys. */
public interface ApiKeyRepository {

  /** The key with this hash, unless it is unknown or revoked. */
  Optional<ApiKey> findActive(String sha256);
}
