package dev.mercado.identity.domain;

import dev.mercado.identity.api.IdentityClaims;
import dev.mercado.identity.api.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an access token says about its subject, beyond the registered claims and {@code scope} (see
 * {@link IdentityClaims}). The same claims for every way a token is issued, so consumers need not
 * care how the caller got it.
 */
public final class TokenClaims {

  private TokenClaims() {}

  /**
   * The claims of a customer's token issued to {@code clientId}. The subject ({@code sub}) is the
   * customer's id, never the sign-in name, which may change.
   */
  public static Map<String, Object> ofCustomer(Customer customer, String clientId) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put(IdentityClaims.CLIENT_ID, clientId);
    claims.put(IdentityClaims.ROLES, roleValues(customer.roles().stream().sorted().toList()));
    claims.put(IdentityClaims.CUSTOMER_ID, customer.id().toString());
    claims.put(IdentityClaims.PREFERRED_USERNAME, customer.username());
    return claims;
  }

  /** The claims of a client-credentials token: the client, its roles and, if any, its tier. */
  public static Map<String, Object> ofClient(ClientProfile client) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put(IdentityClaims.CLIENT_ID, client.clientId());
    claims.put(IdentityClaims.ROLES, roleValues(client.roles().stream().sorted().toList()));
    if (client.tier() != null) {
      claims.put(IdentityClaims.TIER, client.tier().claimValue());
    }
    return claims;
  }

  private static List<String> roleValues(List<Role> roles) {
    return roles.stream().map(Role::claimValue).toList();
  }
}
