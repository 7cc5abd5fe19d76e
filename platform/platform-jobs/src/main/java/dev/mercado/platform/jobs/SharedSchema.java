package dev.mercado.platform.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Creates the tables a platform module keeps in a service's database (the outbox's, the inbox's,
 * ShedLock's), one instance of the service at a time. Two instances of a scaled service start
 * together, and PostgreSQL's {@code CREATE TABLE IF NOT EXISTS} is not safe against a concurrent
 * one (the loser fails on a unique key of the catalogue, {@code pg_type}): seen when {@code
 * ./mercado up --scale catalog=2} started both instances at once. So the statements run in one
 * transaction that first takes a transaction-scoped advisory lock; the next instance waits for it,
 * then finds the tables there. Statements must be idempotent ({@code IF NOT EXISTS}).
 */
public final class SharedSchema {

  /** The advisory lock's key, the same for every module: the statements are few and quick. */
  static final long LOCK = 0x4d455243_41444fL;

  private SharedSchema() {}

  /**
   * Runs {@code statements} in order, in one transaction, under the lock.
   *
   * @throws IllegalStateException if the database refuses one (the service cannot start without its
   *     tables)
   */
  public static void create(DataSource dataSource, List<String> statements) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
        for (String sql : statements) {
          statement.execute(sql);
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the platform's tables: " + e.getMessage(), e);
    }
  }
}
