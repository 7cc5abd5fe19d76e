package dev.mercado.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercado.identity.api.Role;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomerTest {

  @Test
  void anEnabledDemoCustomerMayReceiveDevTokens() {
    assertThat(aCustomer(Set.of(Role.CUSTOMER), true, true).mayReceiveDevTokens()).isTrue();
  }

  @Test
  void aRealCustomerNeverReceivesDevTokens() {
    assertThat(aCustomer(Set.of(Role.CUSTOMER), false, true).mayReceiveDevTokens()).isFalse();
  }

  @Test
  void anOperatorNeverReceivesDevTokensEvenAsADemoAccount() {
    assertThat(aCustomer(Set.of(Role.ADMIN), true, true).mayReceiveDevTokens()).isFalse();
    assertThat(aCustomer(Set.of(Role.ADMIN, Role.CUSTOMER), true, true).mayReceiveDevTokens())
        .isFalse();
  }

  @Test
  void aDisabledDemoCustomerReceivesNoDevTokens() {
    assertThat(aCustomer(Set.of(Role.CUSTOMER), true, false).mayReceiveDevTokens()).isFalse();
  }

  static Customer aCustomer(Set<Role> roles, boolean demo, boolean enabled) {
    return new Customer(
        new CustomerId(UUID.fromString("a11ce000-0000-4000-8000-000000000001")),
        "alice",
        "{noop}secret",
        roles,
        demo,
        enabled);
  }
}
