package dev.mercado.identity.application;

import dev.mercado.identity.api.IdentityClaims;
import dev.mercado.identity.domain.Customer;
import dev.mercado.identity.domain.TokenClaims;
import java.util.Map;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * Adds Mercado's claims ({@link TokenClaims}) to the tokens the authorization server issues. Client
 * credentials: the client's roles and tier. Any grant with a signed-in customer (authorization
 * code, refresh token): the customer's id as {@code sub} and {@code customer_id}, their roles and
 * sign-in name — in the access token and, with the same {@code sub}, in the ID token.
 */
@Component
class AccessTokenContent implements OAuth2TokenCustomizer<JwtEncodingContext> {

  private final CustomerAccounts customers;

  AccessTokenContent(CustomerAccounts customers) {
    this.customers = customers;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
    boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
    if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
      if (accessToken) {
        Map<String, Object> claims =
            TokenClaims.ofClient(ClientRegistrations.profileOf(context.getRegisteredClient()));
        context.getClaims().claims(all -> all.putAll(claims));
      }
      return;
    }
    if (!accessToken && !idToken) {
      return;
    }
    Customer customer =
        customers
            .find(context.getPrincipal().getName())
            .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT));
    Map<String, Object> claims =
        TokenClaims.ofCustomer(customer, context.getRegisteredClient().getClientId());
    context.getClaims().subject(customer.id().toString());
    if (accessToken) {
      context.getClaims().claims(all -> all.putAll(claims));
    } else {
      context
          .getClaims()
          .claim(IdentityClaims.PREFERRED_USERNAME, customer.username())
          .claim(IdentityClaims.ROLES, claims.get(IdentityClaims.ROLES));
    }
  }
}
