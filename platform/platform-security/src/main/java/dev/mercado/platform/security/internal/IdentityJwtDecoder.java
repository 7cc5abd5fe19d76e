package dev.mercado.platform.security.internal;

import dev.mercado.identity.api.IdentityEndpoints;
import dev.mercado.platform.security.ServiceSecurityProperties;
import dev.mercado.platform.tokens.VerifiedTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
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
 * the gateway, rather than the request failing with a 500 or hanging. A token verified once is
 * remembered ({@link VerifiedTokens}): its signature is not verified again, its expiry and issuer
 * are, on every request. Thread-safe.
 */
public final class IdentityJwtDecoder implements JwtDecoder {

  private final NimbusJwtDecoder decoder;
  private final VerifiedTokens verified;

  public IdentityJwtDecoder(ServiceSecurityProperties properties, MeterRegistry meters) {
    SimpleClientHttpRequestFactory bounded = new SimpleClientHttpRequestFactory();
    bounded.setConnectTimeout(properties.jwksConnectTimeout());
    bounded.setReadTimeout(properties.jwksReadTimeout());
    this.decoder =
        NimbusJwtDecoder.withJwkSetUri(properties.identityUrl() + IdentityEndpoints.JWKS)
            .restOperations(new RestTemplate(bounded))
            .build();
    OAuth2TokenValidator<Jwt> validator =
        new DelegatingOAuth2TokenValidator<>(
            new JwtTimestampValidator(properties.clockSkew()),
            new JwtIssuerValidator(properties.identityUrl()));
    decoder.setJwtValidator(validator);
    this.verified = new VerifiedTokens(properties.verifiedTokens().limits(), validator, meters);
  }

  @Override
  public Jwt decode(String token) {
    Optional<Jwt> seen = verified.recall(token);
    if (seen.isPresent()) {
      return seen.get();
    }
    try {
      return verified.remember(decoder.decode(token));
    } catch (BadJwtException refused) {
      throw refused;
    } catch (JwtException keysUnavailable) {
      throw new BadJwtException(
          "identity's signing keys are unavailable: " + keysUnavailable.getMessage(),
          keysUnavailable);
    }
  }
}
