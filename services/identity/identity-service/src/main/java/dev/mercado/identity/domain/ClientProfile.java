package dev.mercado.identity.domain;

import dev.mercado.identity.api.Role;
import dev.mercado.identity.api.Tier;
import java.util.Objects;
import java.util.Set;

/**
 * What identity knows about a registered client beyond OAuth: its roles and, for partners, its
 * tier. Both end up in its client-credentials tokens.
 *
 * @param tier the partner's tier; {@code null} for clients that are not partners
 */
public record ClientProfile(String clientId, Set<Role> roles, Tier tier) {

  public ClientProfile {
    Objects.requireNonNull(clientId, "clientId");
    roles = Set.copyOf(roles);
  }
}
