package dev.mercado.gateway.client;

import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The gateway's own access token: client credentials of its client at identity (registration
 * {@value #REGISTRATION} of {@code spring.security.oauth2.client.*}, role {@code service}), for the
 * calls it makes on its own behalf — the order page's payment and notifications, which only
 * operators and services may read, and the API-key lookups. Spring Security's OAuth 2 client
 * obtains it on first use and again once it is about to expire; one token serves every call until
 * then. Thread-safe.
 */
@Component
class ServiceToken {

  static final String REGISTRATION = "identity";

  private static final OAuth2AuthorizeRequest GATEWAY =
      OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION).principal("gateway").build();

  private final ReactiveOAuth2AuthorizedClientManager clients;

  ServiceToken(
      ReactiveClientRegistrationRepository registrations,
      ReactiveOAuth2AuthorizedClientService authorizedClients) {
    this.clients =
        new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(
            registrations, authorizedClients);
  }

  /** {@code Bearer <token>}; signals an error when identity gives none now. */
  Mono<String> required() {
    return clients
        .authorize(GATEWAY)
        .map(client -> "Bearer " + client.getAccessToken().getTokenValue())
        .switchIfEmpty(Mono.error(() -> new IllegalStateException("identity gave no token")));
  }

  /** {@code Bearer <token>}, or empty when identity gives none now (the call goes without). */
  Mono<String> authorization() {
    return required().onErrorResume(failure -> Mono.empty());
  }
}
