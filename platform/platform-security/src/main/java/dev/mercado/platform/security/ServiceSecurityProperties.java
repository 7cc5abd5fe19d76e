package dev.mercado.platform.security;

import dev.mercado.platform.tokens.VerifiedTokens;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a service finds identity and how strictly it reads its tokens, under {@code
 * mercado.security}. The launcher sets {@code identity-url} for every service
 * (MERCADO_SECURITY_IDENTITY_URL).
 *
 * @param identityUrl identity's base URL, which is also the issuer every token must name ({@code
 *     iss}, compared exactly); its keys are fetched from {@code <identityUrl>/oauth2/jwks}. Default
 *     {@code http://127.0.0.1:8085}, identity's port when run alone
 * @param clockSkew how far {@code exp} and {@code nbf} may be off because clocks disagree (default
 *     60 s, as at the gateway)
 * @param jwksConnectTimeout how long connecting to identity for its keys may take (default 2 s)
 * @param jwksReadTimeout how long identity may take to answer the key set (default 3 s); a request
 *     whose token needs keys identity does not give in time is answered 401, it never hangs
 * @param verifiedTokens how many verified tokens are remembered, and for how long at most, so that
 *     a reused token's signature is not verified again (platform-tokens, docs/adr/0011)
 */
@ConfigurationProperties("mercado.security")
public record ServiceSecurityProperties(
    @DefaultValue("http://127.0.0.1:8085") String identityUrl,
    @DefaultValue("60s") Duration clockSkew,
    @DefaultValue("2s") Duration jwksConnectTimeout,
    @DefaultValue("3s") Duration jwksReadTimeout,
    @DefaultValue VerifiedTokenLimits verifiedTokens) {

  public ServiceSecurityProperties {
    if (identityUrl == null || identityUrl.isBlank()) {
      throw new IllegalArgumentException("mercado.security.identity-url must name identity");
    }
    if (clockSkew.isNegative()) {
      throw new IllegalArgumentException("mercado.security.clock-skew must not be negative");
    }
  }

  /**
   * @param maximumSize tokens remembered at most (default 2000; 0 verifies every request in full)
   * @param maximumAge how long after its verification a token is remembered (default 5 min): how
   *     long a key withdrawn from identity's key set keeps working for tokens already seen
   */
  public record VerifiedTokenLimits(
      @DefaultValue("2000") long maximumSize, @DefaultValue("5m") Duration maximumAge) {

    public VerifiedTokens.Limits limits() {
      return new VerifiedTokens.Limits(maximumSize, maximumAge);
    }
  }
}
