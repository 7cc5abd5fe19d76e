package dev.mercado.platform.security.internal;

import dev.mercado.identity.api.IdentityEndpoints;
import dev.mercado.platform.security.ServiceSecurityProperties;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestTemplate;

/**
 * Verifies identity's tokens: signature by a key of identity's JWKS (fetched on first use, cached,
 * fetched again when a token names an unknown {@code kid}, so a key rotation needs no restart),
 * issuer, and {@code exp}/{@code nbf} within the clock skew. The key fetch is bounded by connect
 * and read timeouts; when identity cannot give its keys the token counts as not valid (401), as at
 * the gateway, rather than the request failing with a 500 or hanging. Thread-safe.
 */
public final class IdentityJwtDecoder implements JwtDecoder {

  private final NimbusJwtDecoder decoder;

  public IdentityJwtDecoder(ServiceSecurityProperties properties) {
    SimpleClientHttpRequestFactory bounded = new SimpleClientHttpRequestFactory();
    bounded.setConnectTimeout(properties.jwksConnectTimeout());
    bounded.setReadTimeout(properties.jwksReadTimeout());
    this.decoder =
        NimbusJwtDecoder.withJwkSetUri(properties.identityUrl() + IdentityEndpoints.JWKS)
            .restOperations(new RestTemplate(bounded))
            .build();
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            new JwtTimestampValidator(properties.clockSkew()),
            new JwtIssuerValidator(properties.identityUrl())));
  }

  @Override
  public Jwt decode(String token) {
    try {
      return decoder.decode(token);
    } catch (BadJwtException refused) {
      throw refused;
    } catch (JwtException keysUnavailable) {
      throw new BadJwtException(
          "identity's signing keys are unavailable: " + keysUnavailable.getMessage(),
          keysUnavailable);
    }
  }
}
