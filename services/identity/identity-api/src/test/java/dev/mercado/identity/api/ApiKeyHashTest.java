package dev.mercado.identity.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiKeyHashTest {

  @Test
  void hashesAKeyAsLowerCaseHexSha256() {
    // the SHA-256 test vector of "abc" (FIPS 180-2)
    assertThat(ApiKeyHash.of("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void producesWellFormedHashesOnly() {
    assertThat(ApiKeyHash.isWellFormed(ApiKeyHash.of(DemoClients.PARTNER_FREE_API_KEY))).isTrue();
    assertThat(ApiKeyHash.isWellFormed("ABC")).isFalse();
    assertThat(ApiKeyHash.isWellFormed(ApiKeyHash.of("x").toUpperCase())).isFalse();
    assertThat(ApiKeyHash.isWellFormed(null)).isFalse();
  }

  @Test
  void mapsClaimValuesToTiersAndRoles() {
    assertThat(Tier.fromClaim("premium")).isEqualTo(Tier.PREMIUM);
    assertThat(Tier.FREE.claimValue()).isEqualTo("free");
    assertThat(Role.fromClaim("admin")).isEqualTo(Role.ADMIN);
    assertThatThrownBy(() -> Tier.fromClaim("gold")).isInstanceOf(IllegalArgumentException.class);
  }
}
