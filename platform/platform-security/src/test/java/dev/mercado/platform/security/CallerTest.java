package dev.mercado.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercado.identity.api.Role;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerTest {

  @Test
  void readsACustomerTokensCustomerAndRoles() {
    Caller caller =
        Caller.of(
            token()
                .subject("a11ce")
                .claim("customer_id", "a11ce")
                .claim("roles", List.of("customer"))
                .build());

    assertThat(caller.isCustomer("a11ce")).isTrue();
    assertThat(caller.isCustomer("b0b")).isFalse();
    assertThat(caller.hasAnyRole(Role.CUSTOMER)).isTrue();
    assertThat(caller.hasAnyRole(Role.ADMIN, Role.SERVICE)).isFalse();
  }

  @Test
  void aClientTokenIsNoCustomerAndMissingRolesAreNone() {
    Caller caller = Caller.of(token().subject("mercado-admin-cli").build());

    assertThat(caller.customerId()).isEmpty();
    assertThat(caller.isCustomer("mercado-admin-cli")).isFalse();
    assertThat(caller.roles()).isEmpty();
  }

  private static Jwt.Builder token() {
    return Jwt.withTokenValue("t")
        .header("alg", "RS256")
        .issuedAt(Instant.now())
        .expiresAt(Instant.now().plusSeconds(60));
  }
}
