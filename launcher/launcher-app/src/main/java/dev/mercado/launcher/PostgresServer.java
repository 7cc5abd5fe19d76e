package dev.mercado.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An embedded PostgreSQL server (zonky's PostgreSQL binaries from Maven Central) running as its own
 * OS process with its data under the given directory, so a second start keeps the first one's data.
 * Durable settings ({@code synchronous_commit=on}, fsync on) because accepted work must survive a
 * crash, unlike zonky's test-oriented default.
 *
 * <p>Thread-safety: start and stop are called by one thread at a time (the launcher).
 */
public final class PostgresServer implements Component {

  private final Path dataDirectory;
  private final Path binariesDirectory;
  private final Path logFile;
  private final int port;
  private volatile EmbeddedPostgres server;

  public PostgresServer(Path home, int port) {
    this(
        home.resolve("data/postgres"),
        home.resolve("pg-binaries"),
        home.resolve("logs/postgres.log"),
        port);
  }

  /**
   * @param dataDirectory the cluster's data; kept between starts
   * @param binariesDirectory where the PostgreSQL binaries are unpacked (shareable)
   * @param logFile where the server's output goes
   * @param port the port on localhost
   */
  public PostgresServer(Path dataDirectory, Path binariesDirectory, Path logFile, int port) {
    this.dataDirectory = dataDirectory;
    this.binariesDirectory = binariesDirectory;
    this.logFile = logFile;
    this.port = port;
  }

  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public String kind() {
    return "infra";
  }

  @Override
  public String url() {
    return "postgresql://127.0.0.1:" + port;
  }

  @Override
  public String probe() {
    return "tcp://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Where services and tools connect as the superuser, e.g. to provision databases. */
  public PostgresAdmin admin() {
    return new PostgresAdmin("127.0.0.1", port, "postgres");
  }

  @Override
  public void start() throws IOException {
    Files.createDirectories(dataDirectory);
    Files.createDirectories(binariesDirectory);
    Files.createDirectories(logFile.getParent());
    stopOrphan();
    removeIncompleteBinaries();
    // zonky keeps a scratch directory under java.io.tmpdir unless told otherwise
    System.setProperty("ot.epg.working-dir", binariesDirectory.resolve("work").toString());
    ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(logFile.toFile());
    server =
        EmbeddedPostgres.builder()
            .setPort(port)
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .setOverrideWorkingDirectory(binariesDirectory.toFile())
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("max_connections", "100")
            .setPGStartupWait(Duration.ofSeconds(60))
            .setOutputRedirector(log)
            .setErrorRedirector(log)
            .start();
  }

  /** zonky marks a finished unpacking with {@code .exists}; one without it was interrupted. */
  private void removeIncompleteBinaries() throws IOException {
    try (Stream<Path> unpacked = Files.list(binariesDirectory)) {
      for (Path directory :
          unpacked.filter(p -> p.getFileName().toString().startsWith("PG-")).toList()) {
        if (!Files.exists(directory.resolve(".exists"))) {
          Directories.deleteRecursively(directory);
        }
      }
    }
  }

  /** A server left running by a launcher that was killed holds our data directory: stop it. */
  private void stopOrphan() {
    postmasterPid()
        .flatMap(ProcessHandle::of)
        .filter(ProcessHandle::isAlive)
        .ifPresent(orphan -> Processes.terminate(orphan, Duration.ofSeconds(10)));
  }

  private Optional<Long> postmasterPid() {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    try {
      List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<Long> pid() {
    return server == null ? Optional.empty() : postmasterPid();
  }

  @Override
  public boolean alive() {
    return pid().flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
  }

  @Override
  public Optional<Path> logFile() {
    return Optional.of(logFile);
  }

  /** Stops the server with {@code pg_ctl stop -m fast} and returns once its process is gone. */
  @Override
  public void stop(Duration grace) {
    EmbeddedPostgres current = server;
    if (current == null) {
      return;
    }
    Optional<ProcessHandle> postmaster = pid().flatMap(ProcessHandle::of);
    server = null;
    try {
      current.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // pg_ctl returns when the pid file is gone, a moment before the process itself
    postmaster.ifPresent(process -> Processes.terminate(process, grace));
  }
}
