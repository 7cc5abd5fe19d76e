package dev.mercado.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Provisions one database and one login role per service on a PostgreSQL server, as its superuser
 * (P4: each service owns its database). Idempotent: provisioning an existing service changes
 * nothing. The role owns its database and its {@code public} schema, and {@code PUBLIC} loses the
 * right to connect, so one service's role cannot open another service's database.
 *
 * <p>The passwords are development credentials (equal to the service name); the embedded server and
 * this machine's server trust loopback connections anyway.
 */
public record PostgresAdmin(String host, int port, String superuser) {

  private static final Pattern SERVICE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,30}");

  /** Connection details a service is given for its own database. */
  public record ServiceDatabase(String jdbcUrl, String username, String password) {}

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /**
   * Creates (if missing) the role and database {@code name}, owned by that role and closed to every
   * other role. Synchronized: the instances of one service start together and would otherwise race
   * to create the same role.
   *
   * @throws IllegalArgumentException if {@code name} is not a plain lower-case identifier
   */
  public synchronized ServiceDatabase provision(String name) throws SQLException {
    if (!SERVICE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a service database name: " + name);
    }
    try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), superuser, "");
        Statement sql = admin.createStatement()) {
      if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", name)) {
        sql.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + name + "'");
      }
      if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", name)) {
        sql.execute("CREATE DATABASE " + name + " OWNER " + name);
      }
      sql.execute("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
    }
    try (Connection inDatabase = DriverManager.getConnection(jdbcUrl(name), superuser, "");
        Statement sql = inDatabase.createStatement()) {
      sql.execute("ALTER SCHEMA public OWNER TO " + name);
      sql.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
    }
    return new ServiceDatabase(jdbcUrl(name), name, name);
  }

  /** Drops the database and role {@code name} if they exist (used to give tests a clean start). */
  public void drop(String name) throws SQLException {
    if (!SERVICE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a service database name: " + name);
    }
    try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), superuser, "");
        Statement sql = admin.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      sql.execute("DROP ROLE IF EXISTS " + name);
    }
  }

  private static boolean exists(Connection connection, String query, String name)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(query)) {
      statement.setString(1, name);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }
}
