package dev.mercado.platform.tokens;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Access tokens whose signature was already verified against identity's keys (R5). A client uses
 * one token for its whole lifetime, so verifying its RS256 signature on every request repeats the
 * same answer: the most expensive step of authenticating a request (a 2048-bit modular
 * exponentiation, about 30 µs with the C2 compiler and 200 µs without; docs/adr/0011). This keeps
 * the verified token, keyed by its exact text, so an identical text (same header, claims and
 * signature) is not verified again.
 *
 * <p>What is still checked on every request: the token's validator (expiry and not-before within
 * the clock skew, issuer), so a remembered token stops being accepted the moment it expires. What
 * is not: that its signing key is still in identity's key set; a key withdrawn from the set keeps
 * working for tokens already remembered for at most {@code maximumAge}. Any other text, a tampered
 * one included, is a miss and goes through full verification. Bounded in entries and age; thread
 * safe. Its hits and misses are meters {@code cache.gets{cache=verified-tokens}}.
 */
public final class VerifiedTokens {

  /** The {@code cache} tag of this cache's meters. */
  public static final String CACHE_NAME = "verified-tokens";

  private final Cache<String, Jwt> verified;
  private final OAuth2TokenValidator<Jwt> validator;
  private final boolean remembering;

  /**
   * @param limits how many tokens, and for how long each, at most
   * @param validator what every use of a token must still pass (expiry, issuer): the validator the
   *     decoder that verified it applies
   * @param meters where hits, misses and size are published
   */
  public VerifiedTokens(Limits limits, OAuth2TokenValidator<Jwt> validator, MeterRegistry meters) {
    this(limits, validator, Ticker.systemTicker());
    CaffeineCacheMetrics.monitor(meters, verified, CACHE_NAME);
  }

  VerifiedTokens(Limits limits, OAuth2TokenValidator<Jwt> validator, Ticker ticker) {
    this.verified =
        Caffeine.newBuilder()
            .maximumSize(limits.maximumSize())
            .expireAfterWrite(limits.maximumAge())
            .ticker(ticker)
            .recordStats()
            .build();
    this.validator = validator;
    this.remembering = limits.maximumSize() > 0;
  }

  /**
   * The token as verified earlier, if it was verified within {@code maximumAge} and passes the
   * validator now; otherwise empty, and the caller verifies it in full (which also reports why a
   * token is refused).
   */
  public Optional<Jwt> recall(String token) {
    Jwt jwt = verified.getIfPresent(token);
    if (jwt == null) {
      return Optional.empty();
    }
    if (validator.validate(jwt).hasErrors()) {
      verified.invalidate(token);
      return Optional.empty();
    }
    return Optional.of(jwt);
  }

  /** Remembers a token that was just verified in full; returns it. */
  public Jwt remember(Jwt jwt) {
    if (remembering) {
      verified.put(jwt.getTokenValue(), jwt);
    }
    return jwt;
  }

  /**
   * @param maximumSize tokens remembered at most (the least recently used go first); 0 remembers
   *     none, and every request verifies its token in full
   * @param maximumAge how long a token is remembered after it was verified, at most: how long a
   *     signing key withdrawn from identity's key set keeps working for tokens already seen
   */
  public record Limits(long maximumSize, Duration maximumAge) {

    /**
     * 2 000 tokens (estimated 3 KB each with their claims: some 6 MB when full), 5 minutes each.
     */
    public static final Limits DEFAULT = new Limits(2_000, Duration.ofMinutes(5));

    public Limits {
      if (maximumSize < 0) {
        throw new IllegalArgumentException("maximumSize must not be negative");
      }
      if (maximumAge.isNegative()) {
        throw new IllegalArgumentException("maximumAge must not be negative");
      }
    }
  }
}
