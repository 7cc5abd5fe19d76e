package dev.mercado.identity.api;

import java.util.Locale;

/** What a caller is, as carried in the {@link IdentityClaims#ROLES} claim. */
public enum Role {
  /** A shop customer signed in as themselves. */
  CUSTOMER,
  /** An operator: may manage the shop and identity (e.g. rotate signing keys). */
  ADMIN,
  /** A partner's machine client, limited by its {@link Tier}. */
  PARTNER,
  /** One of Mercado's own processes (e.g. the gateway). */
  SERVICE;

  /** The value in tokens: the lower-case name, e.g. {@code customer}. */
  public String claimValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The role a claim value names.
   *
   * @throws IllegalArgumentException if {@code value} names no role
   */
  public static Role fromClaim(String value) {
    for (Role role : values()) {
      if (role.claimValue().equals(value)) {
        return role;
      }
    }
    throw new IllegalArgumentException("no role is called '" + value + "'");
  }
}
