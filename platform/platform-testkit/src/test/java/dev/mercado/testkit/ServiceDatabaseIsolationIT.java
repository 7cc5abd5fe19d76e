package dev.mercado.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mercado.launcher.PostgresAdmin.ServiceDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** P4: each service owns its database; no other service's role can even connect to it. */
class ServiceDatabaseIsolationIT {

  @Test
  void aServiceRoleOwnsItsDatabase() throws Exception {
    ServiceDatabase alpha = Infrastructure.database("alpha");

    try (Connection connection =
            DriverManager.getConnection(alpha.jdbcUrl(), alpha.username(), alpha.password());
        var statement = connection.createStatement()) {
      statement.execute("CREATE TABLE IF NOT EXISTS owned (id int PRIMARY KEY)");
      assertThat(statement.executeUpdate("INSERT INTO owned VALUES (1) ON CONFLICT DO NOTHING"))
          .isBetween(0, 1);
    }
  }

  @Test
  void anotherServiceRoleCannotConnectToIt() {
    ServiceDatabase alpha = Infrastructure.database("alpha");
    ServiceDatabase beta = Infrastructure.database("beta");

    assertThatThrownBy(
            () -> DriverManager.getConnection(alpha.jdbcUrl(), beta.username(), beta.password()))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("permission denied for database");
  }

  @Test
  void provisioningTwiceChangesNothing() {
    ServiceDatabase first = Infrastructure.database("gamma");
    ServiceDatabase second = Infrastructure.database("gamma");

    assertThat(second).isEqualTo(first);
  }
}
