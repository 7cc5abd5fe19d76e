package dev.mercado.identity.domain;

import dev.mercado.identity.api.Role;
import java.util.Objects;
import java.util.Set;

/**
 * Someone who signs in with a password: a shop customer or an operator ({@link Role#ADMIN}).
 *
 * @param passwordHash in Spring Security's delegating format ({@code {bcrypt}...})
 * @param demo seeded for local runs and tests, with a public password
 */
public record Customer(
    CustomerId id,
    String username,
    String passwordHash,
    Set<Role> roles,
    boolean demo,
    boolean enabled) {

  public Customer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(passwordHash, "passwordHash");
    roles = Set.copyOf(roles);
  }

  /**
   * Whether a dev token may be minted for this account: only enabled demo customers, never an
   * operator, so that a leaked dev-scripts secret can at worst impersonate a demo shopper.
   */
  public boolean mayReceiveDevTokens() {
    return demo && enabled && roles.equals(Set.of(Role.CUSTOMER));
  }
}
