package dev.mercado.identity.persistence;

import dev.mercado.identity.api.Role;
import dev.mercado.identity.domain.Customer;
import dev.mercado.identity.domain.CustomerId;
import dev.mercado.identity.domain.CustomerRepository;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCustomerRepository implements CustomerRepository {

  private final JdbcClient jdbc;

  JdbcCustomerRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Customer> findByUsername(String username) {
    return jdbc.sql(
            "SELECT id, username, password_hash, roles, demo, enabled FROM customer"
                + " WHERE username = ?")
        .param(username)
        .query(JdbcCustomerRepository::customer)
        .optional();
  }

  private static Customer customer(ResultSet row, int rowNumber) throws SQLException {
    Array roles = row.getArray("roles");
    try {
      return new Customer(
          new CustomerId(row.getObject("id", UUID.class)),
          row.getString("username"),
          row.getString("password_hash"),
          Arrays.stream((String[]) roles.getArray())
              .map(Role::fromClaim)
              .collect(Collectors.toSet()),
          row.getBoolean("demo"),
          row.getBoolean("enabled"));
    } finally {
      roles.free();
    }
  }
}
