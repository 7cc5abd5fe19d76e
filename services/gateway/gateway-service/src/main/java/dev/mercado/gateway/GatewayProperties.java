package dev.mercado.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the gateway, under {@code mercado.gateway}.
 *
 * @param identityUrl identity's base URL: its JWKS verifies tokens, which must name it as issuer;
 *     the gateway's own token and API-key lookups go there too
 * @param verifiedTokens how many verified tokens are remembered, and how long (docs/adr/0011)
 * @param apiKeys how long identity's answers about API keys are kept
 * @param outliers passive outlier detection of the load balancer
 * @param bff the gateway's own pages (R5)
 */
@ConfigurationProperties("mercado.gateway")
public record GatewayProperties(
    String identityUrl,
    @DefaultValue VerifiedTokenLimits verifiedTokens,
    @DefaultValue ApiKeyCaching apiKeys,
    @DefaultValue OutlierDetection outliers,
    @DefaultValue Bff bff) {

  public GatewayProperties {
    if (identityUrl == null || identityUrl.isBlank()) {
      throw new IllegalArgumentException(
          "mercado.gateway.identity-url is required: identity's base URL");
    }
  }

  /**
   * @param maximumSize tokens remembered at most (default 2 000)
   * @param maximumAge how long a token is remembered at most (default 5 min)
   */
  public record VerifiedTokenLimits(
      @DefaultValue("2000") long maximumSize, @DefaultValue("5m") Duration maximumAge) {}

  /**
   * @param knownFor how long a key's owner is kept, so a revoked key works at most that long
   *     (default 5 min)
   * @param unknownFor how long an unknown key is kept, so guessing keys does not turn into a load
   *     on identity (default 30 s)
   * @param maxKeys keys kept at most (default 10 000)
   */
  public record ApiKeyCaching(
      @DefaultValue("5m") Duration knownFor,
      @DefaultValue("30s") Duration unknownFor,
      @DefaultValue("10000") long maxKeys) {}

  /**
   * @param consecutiveFailures an instance that fails this many requests in a row gets no traffic
   *     (default 3)
   * @param ejection for how long (default 10 s)
   */
  public record OutlierDetection(
      @DefaultValue("3") int consecutiveFailures, @DefaultValue("10s") Duration ejection) {}

  /**
   * @param deadline how long each call to a service may take before its part is left out (default
   *     800 ms); an order page waits at most two deadlines, one for the order, payment and
   *     notifications together and one for the products
   * @param cache the last known products, served when catalog fails
   */
  public record Bff(@DefaultValue("800ms") Duration deadline, @DefaultValue Cache cache) {

    /**
     * @param size products kept, least recently used first out (default 1 000)
     * @param maxAge how old a copy may be and still be shown (default 10 min)
     */
    public record Cache(@DefaultValue("1000") int size, @DefaultValue("10m") Duration maxAge) {}
  }
}
