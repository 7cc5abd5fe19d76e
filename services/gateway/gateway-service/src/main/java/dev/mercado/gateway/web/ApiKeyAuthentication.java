package dev.mercado.gateway.web;

import dev.mercado.gateway.domain.ApiKeys;
import dev.mercado.gateway.domain.ServiceFailure;
import dev.mercado.identity.api.ApiKeyHash;
import dev.mercado.identity.api.ApiKeyOwner;
import dev.mercado.identity.api.Role;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import reactor.core.publisher.Mono;

/**
 * A partner known by its API key (R5): header {@value ApiKeys#HEADER}, mapped by identity to the
 * partner's client id and tier, with the role {@code partner}. A request that also carries a bearer
 * token is authenticated by the token alone. The key is never forwarded: the routes drop the header
 * and limits key on its hash.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

  private static final long serialVersionUID = 1L;

  private final String key;
  private final transient ApiKeyOwner owner;

  private ApiKeyAuthentication(String key, ApiKeyOwner owner) {
    super(
        owner == null
            ? List.of()
            : List.of(new SimpleGrantedAuthority("ROLE_" + Role.PARTNER.claimValue())));
    this.key = key;
    this.owner = owner;
    setAuthenticated(owner != null);
  }

  /** The partner's client id once verified. */
  String clientId() {
    return owner.clientId();
  }

  /** The partner's tier once verified. */
  String tier() {
    return owner.tier();
  }

  /** The key's SHA-256: what limits key on, never the key. */
  String keyHash() {
    return ApiKeyHash.of(key);
  }

  @Override
  public Object getCredentials() {
    return key;
  }

  @Override
  public Object getPrincipal() {
    return owner == null ? null : owner.clientId();
  }

  @Override
  public String getName() {
    return owner == null ? "" : owner.clientId();
  }

  @Override
  public boolean equals(Object other) {
    return super.equals(other);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }

  /** Reads the key from a request that has no bearer token. */
  static ServerAuthenticationConverter converter() {
    return exchange -> {
      HttpHeaders headers = exchange.getRequest().getHeaders();
      String key = headers.getFirst(ApiKeys.HEADER);
      if (key == null || key.isBlank() || headers.containsHeader(HttpHeaders.AUTHORIZATION)) {
        return Mono.empty();
      }
      return Mono.just(new ApiKeyAuthentication(key.strip(), null));
    };
  }

  /**
   * Asks identity who owns the key: unknown → 401, identity unreachable → an authentication service
   * failure (503, since the caller's key may well be valid).
   */
  static ReactiveAuthenticationManager manager(ApiKeys apiKeys) {
    return authentication -> {
      String key = (String) authentication.getCredentials();
      return apiKeys
          .owner(key)
          .map(owner -> (Authentication) new ApiKeyAuthentication(key, owner))
          .switchIfEmpty(Mono.error(() -> new BadCredentialsException("unknown API key")))
          .onErrorMap(
              ServiceFailure.class,
              failure -> new AuthenticationServiceException(failure.reason(), failure));
    };
  }
}
