package dev.mercado.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercado.identity.api.Role;
import dev.mercado.identity.api.Tier;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenClaimsTest {

  @Test
  void describesACustomerByIdRolesAndNameWithoutATier() {
    Customer alice = CustomerTest.aCustomer(Set.of(Role.CUSTOMER), true, true);

    Map<String, Object> claims = TokenClaims.ofCustomer(alice, "shop-web");

    assertThat(claims)
        .containsEntry("client_id", "shop-web")
        .containsEntry("roles", List.of("customer"))
        .containsEntry("customer_id", "a11ce000-0000-4000-8000-000000000001")
        .containsEntry("preferred_username", "alice")
        .doesNotContainKey("tier");
  }

  @Test
  void describesAPartnerByItsRolesAndTier() {
    Map<String, Object> claims =
        TokenClaims.ofClient(
            new ClientProfile("partner-premium", Set.of(Role.PARTNER), Tier.PREMIUM));

    assertThat(claims)
        .containsEntry("client_id", "partner-premium")
        .containsEntry("roles", List.of("partner"))
        .containsEntry("tier", "premium")
        .doesNotContainKey("customer_id");
  }

  @Test
  void givesAClientWithoutTierNoTierClaim() {
    Map<String, Object> claims =
        TokenClaims.ofClient(new ClientProfile("gateway", Set.of(Role.SERVICE), null));

    assertThat(claims).containsEntry("roles", List.of("service")).doesNotContainKey("tier");
  }
}
