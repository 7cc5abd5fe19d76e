package dev.mercado.identity.application;

import dev.mercado.identity.api.Role;
import dev.mercado.identity.domain.Customer;
import dev.mercado.identity.domain.CustomerRepository;
import java.util.Optional;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Customers' sign-in: the form login of the authorization-code flow checks passwords against the
 * {@code customer} table. Each role becomes the authority {@code ROLE_<role>}, e.g. {@code
 * ROLE_customer}.
 */
@Service
class CustomerAccounts implements UserDetailsService {

  private final CustomerRepository customers;

  CustomerAccounts(CustomerRepository customers) {
    this.customers = customers;
  }

  /** The customer with this sign-in name. */
  Optional<Customer> find(String username) {
    return customers.findByUsername(username);
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    Customer customer =
        customers
            .findByUsername(username)
            .orElseThrow(() -> new UsernameNotFoundException("no such customer"));
    return User.withUsername(customer.username())
        .password(customer.passwordHash())
        .authorities(
            customer.roles().stream()
                .map(Role::claimValue)
                .map(role -> "ROLE_" + role)
                .toArray(String[]::new))
        .disabled(!customer.enabled())
        .build();
  }
}
