package dev.mercado.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A client-credentials request without {@code scope} is granted every scope the client is
 * registered for (RFC 6749 section 3.3 lets the server choose a default), rather than a token
 * without any scope, which no API would accept. A request naming scopes still gets only those.
 */
final class RegisteredScopesByDefault implements AuthenticationConverter {

  private final OAuth2ClientCredentialsAuthenticationConverter requests =
      new OAuth2ClientCredentialsAuthenticationConverter();

  @Override
  public Authentication convert(HttpServletRequest request) {
    Authentication converted = requests.convert(request);
    if (converted instanceof OAuth2ClientCredentialsAuthenticationToken grant
        && grant.getScopes().isEmpty()
        && grant.getPrincipal() instanceof OAuth2ClientAuthenticationToken client
        && client.getRegisteredClient() != null) {
      return new OAuth2ClientCredentialsAuthenticationToken(
          client, client.getRegisteredClient().getScopes(), grant.getAdditionalParameters());
    }
    return converted;
  }
}
