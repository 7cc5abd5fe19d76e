package dev.mercado.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A second start on the same data directory keeps the first one's data (`up` without --clean). */
class PostgresServerIT {

  private final Path work = Path.of("target/postgres-server-it").toAbsolutePath();
  private int port;

  @Test
  void keepsItsDataAcrossARestart() throws Exception {
    Directories.deleteRecursively(work.resolve("data"));
    port = Ports.free();
    PostgresServer first = server();
    first.start();
    PostgresAdmin.ServiceDatabase database = first.admin().provision("kept");
    try (Connection connection =
            DriverManager.getConnection(database.jdbcUrl(), database.username(), "");
        Statement sql = connection.createStatement()) {
      sql.execute("CREATE TABLE survivor (name text)");
      sql.execute("INSERT INTO survivor VALUES ('still here')");
    }
    long firstPid = first.pid().orElseThrow();
    first.stop(Duration.ofSeconds(10));
    assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

    PostgresServer second = server();
    second.start();
    try (Connection connection =
            DriverManager.getConnection(database.jdbcUrl(), database.username(), "");
        Statement sql = connection.createStatement();
        ResultSet rows = sql.executeQuery("SELECT name FROM survivor")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("still here");
    } finally {
      second.stop(Duration.ofSeconds(10));
    }
  }

  private PostgresServer server() {
    return new PostgresServer(
        work.resolve("data"),
        work.resolve("../pg-binaries").normalize(),
        work.resolve("postgres.log"),
        port);
  }
}
