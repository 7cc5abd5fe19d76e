package dev.mercado.identity.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A key that signs access tokens (RS256), as JWK JSON. The private half exists only while the key
 * is {@link KeyState#ACTIVE}: a retired key only ever verifies.
 *
 * @param kid the key id, in the {@code kid} header of every token it signs
 * @param publicJwk the public JWK, as published in the JWKS
 * @param privateJwk the private JWK; {@code null} unless active
 * @param retiredAt when it stopped signing; {@code null} while active
 */
public record SigningKey(
    String kid,
    String publicJwk,
    String privateJwk,
    KeyState state,
    Instant createdAt,
    Instant retiredAt) {

  public SigningKey {
    Objects.requireNonNull(kid, "kid");
    Objects.requireNonNull(publicJwk, "publicJwk");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    if ((state == KeyState.ACTIVE) != (privateJwk != null)) {
      throw new IllegalArgumentException("only an active key has its private half: " + kid);
    }
  }

  /** A new key that signs from {@code now} on. */
  public static SigningKey active(String kid, String publicJwk, String privateJwk, Instant now) {
    return new SigningKey(kid, publicJwk, privateJwk, KeyState.ACTIVE, now, null);
  }

  /** Whether the active key has signed for {@code period} and should be replaced at {@code now}. */
  public boolean isDueForRotation(Instant now, Duration period) {
    return state == KeyState.ACTIVE && !createdAt.plus(period).isAfter(now);
  }

  /**
   * Whether verifiers still need this key at {@code now}: the active key always; a retired key
   * until {@code retention} (the longest token lifetime plus clock skew) has passed since it
   * retired, because a token it signed just before may still be presented until then.
   */
  public boolean isPublishedAt(Instant now, Duration retention) {
    switch (state) {
      case ACTIVE:
        return true;
      case RETIRED:
        return retiredAt.plus(retention).isAfter(now);
      default:
        return false;
    }
  }
}
