package dev.mercado.identity.application;

import dev.mercado.identity.domain.ApiKey;
import dev.mercado.identity.domain.ApiKeyRepository;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Who owns a partner's API key, for the gateway. */
@Service
public class ApiKeys {

  private final ApiKeyRepository keys;

  ApiKeys(ApiKeyRepository keys) {
    this.keys = keys;
  }

  /** The key with this SHA-256 (hex), unless it is unknown or revoked. */
  public Optional<ApiKey> find(String sha256) {
    return keys.findActive(sha256);
  }
}
