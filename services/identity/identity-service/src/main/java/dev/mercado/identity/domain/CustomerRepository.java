package dev.mercado.identity.domain;

import java.util.Optional;

/** Port: the customers who sign in with a password. */
public interface CustomerRepository {

  /** The customer with this sign-in name, compared exactly. */
  Optional<Customer> findByUsername(String username);
}
