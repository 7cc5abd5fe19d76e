package dev.mercado.identity;

import dev.mercado.identity.api.DemoClients;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of identity, under {@code mercado.identity}.
 *
 * @param issuer the {@code iss} of every token and the base of the metadata's endpoint URLs: the
 *     URL clients reach identity at (default {@code http://127.0.0.1:8085})
 * @param accessTokenLifetime how long an access token is valid (default 5 min); also how long a
 *     retired signing key stays published
 * @param keyRotation when signing keys are replaced
 * @param devTokens the dev-only way to get a customer token without a browser
 * @param allowedOrigins browser origins allowed to call the OAuth endpoints (CORS), e.g. the web
 *     UI's development server
 */
@ConfigurationProperties("mercado.identity")
public record IdentityProperties(
    @DefaultValue("http://127.0.0.1:8085") String issuer,
    @DefaultValue("5m") Duration accessTokenLifetime,
    @DefaultValue KeyRotation keyRotation,
    @DefaultValue DevTokens devTokens,
    @DefaultValue({"http://localhost:5173", "http://127.0.0.1:5173"}) List<String> allowedOrigins) {

  public IdentityProperties {
    if (accessTokenLifetime.isNegative() || accessTokenLifetime.isZero()) {
      throw new IllegalArgumentException("mercado.identity.access-token-lifetime must be positive");
    }
  }

  /**
   * How long a retired signing key stays in the JWKS: until the last token it signed has expired,
   * plus the clock skew verifiers tolerate.
   */
  public Duration retiredKeyRetention() {
    return accessTokenLifetime.plus(keyRotation.grace());
  }

  /**
   * Signing key rotation (see README "Key rotation").
   *
   * @param period the age at which the active key is replaced by a new one (default 24 h)
   * @param checkInterval how often the age is checked (default 1 min)
   * @param grace added to the access-token lifetime to decide how long a retired key stays
   *     published: the clock skew verifiers accept (default 1 min, Spring Security's default)
   */
  public record KeyRotation(
      @DefaultValue("24h") Duration period,
      @DefaultValue("1m") Duration checkInterval,
      @DefaultValue("1m") Duration grace) {

    public KeyRotation {
      if (period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException("mercado.identity.key-rotation.period must be positive");
      }
      if (checkInterval.isNegative() || checkInterval.isZero()) {
        throw new IllegalArgumentException(
            "mercado.identity.key-rotation.check-interval must be positive");
      }
    }
  }

  /**
   * Dev tokens: {@code POST /api/v1/identity/dev/tokens} and the {@code dev-scripts} client. Off by
   * default; when off, neither exists.
   *
   * @param enabled whether the endpoint and the client exist (default false)
   * @param clientSecret the secret of {@code dev-scripts} (default {@code dev-scripts-demo-secret})
   */
  public record DevTokens(
      @DefaultValue("false") boolean enabled,
      @DefaultValue(DemoClients.DEV_SCRIPTS_SECRET) String clientSecret) {}
}
