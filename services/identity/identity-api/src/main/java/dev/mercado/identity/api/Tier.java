package dev.mercado.identity.api;

import java.util.Locale;

/**
 * A partner client's service level, carried in the {@link IdentityClaims#TIER} claim and returned
 * for its API keys; the gateway's rate limits depend on it.
 */
public enum Tier {
  /** The default, most limited tier. */
  FREE,
  /** Paying partners: higher limits. */
  PREMIUM;

  /** The value in tokens and payloads: the lower-case name, e.g. {@code premium}. */
  public String claimValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The tier a claim value names.
   *
   * @throws IllegalArgumentException if {@code value} names no tier
   */
  public static Tier fromClaim(String value) {
    for (Tier tier : values()) {
      if (tier.claimValue().equals(value)) {
        return tier;
      }
    }
    throw new IllegalArgumentException("no tier is called '" + value + "'");
  }
}
