package dev.mercado.identity.web;

import dev.mercado.identity.api.DevTokenRequest;
import dev.mercado.identity.api.IdentityClaims;
import dev.mercado.identity.application.DevTokens;
import dev.mercado.identity.application.NotADemoCustomerException;
import dev.mercado.platform.errors.InvalidFieldException;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/identity/dev/tokens}: a customer token for a demo customer, for scripts and
 * tests that cannot drive a browser. Exists only when {@code mercado.identity.dev-tokens.enabled}
 * is true (otherwise the path answers 404); the caller authenticates with HTTP Basic as a client
 * holding the dev-token grant ({@code dev-scripts}). See the README for why this is no back door.
 */
@RestController
@ConditionalOnBooleanProperty("mercado.identity.dev-tokens.enabled")
class DevTokenController {

  private final DevTokens tokens;

  DevTokenController(DevTokens tokens) {
    this.tokens = tokens;
  }

  @PostMapping("/api/v1/identity/dev/tokens")
  DevTokenResponse issue(@RequestBody DevTokenRequest request, Authentication client) {
    if (request.username() == null || request.username().isBlank()) {
      throw new InvalidFieldException("username", "must not be blank");
    }
    Jwt token;
    try {
      token = tokens.issue(request.username(), client.getName());
    } catch (NotADemoCustomerException e) {
      throw new InvalidFieldException("username", "is not a demo customer");
    }
    List<String> scopes = token.getClaimAsStringList(IdentityClaims.SCOPE);
    return new DevTokenResponse(
        token.getTokenValue(),
        "Bearer",
        Duration.between(token.getIssuedAt(), token.getExpiresAt()).toSeconds(),
        String.join(" ", scopes));
  }
}
