package dev.mercado.gateway.domain;

import dev.mercado.identity.api.ApiKeyOwner;
import reactor.core.publisher.Mono;

/**
 * Who owns a partner's API key (R5): the partner client and its tier, as identity knows them. Lazy;
 * empty for a key identity does not know (or has revoked); signals {@link ServiceFailure} when
 * identity cannot be asked. The key itself never leaves the gateway: only its SHA-256 does.
 */
public interface ApiKeys {

  /** The request header partners send their key in. */
  String HEADER = "X-Api-Key";

  Mono<ApiKeyOwner> owner(String apiKey);
}
