package dev.mercado.identity.domain;

import dev.mercado.identity.api.Tier;
import java.util.Objects;

/**
 * A partner's API key, known only by its SHA-256 ({@link dev.mercado.identity.api.ApiKeyHash}).
 *
 * @param sha256 64 lower-case hex digits
 * @param clientId the partner client it belongs to
 */
public record ApiKey(String sha256, String clientId, Tier tier) {

  public ApiKey {
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(tier, "tier");
  }
}
