package dev.mercado.platform.security;

import dev.mercado.identity.api.IdentityClaims;
import dev.mercado.identity.api.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who sent the request, read from its verified access token. Declare it as a controller method
 * parameter to get it; on a route that allows anonymous callers a request without a token gets a
 * 401 problem when the controller asks for a {@code Caller}. Immutable.
 *
 * @param subject the token's {@code sub}: a customer's id or a client id
 * @param customerId the {@code customer_id} claim, present on customer tokens only
 * @param roles the {@code roles} claim's values, e.g. {@code customer}; unknown values are kept
 */
public record Caller(String subject, Optional<String> customerId, Set<String> roles) {

  public Caller {
    roles = Set.copyOf(roles);
  }

  /** The caller a verified token names. */
  public static Caller of(Jwt token) {
    List<String> roles = token.getClaimAsStringList(IdentityClaims.ROLES);
    return new Caller(
        token.getSubject(),
        Optional.ofNullable(token.getClaimAsString(IdentityClaims.CUSTOMER_ID)),
        roles == null ? Set.of() : Set.copyOf(roles));
  }

  /** Whether the token carries any of {@code wanted}. */
  public boolean hasAnyRole(Role... wanted) {
    Set<String> values =
        Arrays.stream(wanted).map(Role::claimValue).collect(Collectors.toUnmodifiableSet());
    return roles.stream().anyMatch(values::contains);
  }

  /** Whether this is a customer token of the customer {@code id}. */
  public boolean isCustomer(String id) {
    return customerId.filter(own -> own.equals(id)).isPresent();
  }
}
