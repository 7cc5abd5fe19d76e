package dev.mercado.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded AMQP 0-9-1 broker (Apache Qpid Broker-J, see {@code launcher/launcher-amqp}) as its
 * own process, with a persistent store under its work directory. Credentials are {@code
 * guest}/{@code guest}, as on a default RabbitMQ.
 */
public final class AmqpBroker implements Component {

  private final int port;
  private final OsProcess process;

  /**
   * @param repository the repository root (holds {@code launcher/launcher-amqp/target})
   * @param workDirectory the broker's configuration and message store
   * @param logFile where its standard output goes
   * @param port the AMQP port on 127.0.0.1
   */
  public AmqpBroker(Path repository, Path workDirectory, Path logFile, int port) {
    this.port = port;
    Path module = repository.resolve("launcher/launcher-amqp/target");
    String classpath = module.resolve("launcher-amqp.jar") + ":" + module.resolve("lib") + "/*";
    this.process =
        new OsProcess(
            "amqp",
            "infra",
            "amqp://127.0.0.1:" + port,
            "amqp://127.0.0.1:" + port,
            List.of(
                Java.executable(),
                "-Xms32m",
                "-Xmx128m",
                "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + workDirectory,
                "-cp",
                classpath,
                "dev.mercado.launcher.amqp.AmqpBroker",
                "--port",
                Integer.toString(port),
                "--work-dir",
                workDirectory.toString()),
            Map.of(),
            logFile,
            () -> {
              Files.createDirectories(workDirectory);
              return Map.of();
            });
  }

  public int port() {
    return port;
  }

  @Override
  public String name() {
    return process.name();
  }

  @Override
  public String kind() {
    return process.kind();
  }

  @Override
  public String url() {
    return process.url();
  }

  @Override
  public String probe() {
    return process.probe();
  }

  @Override
  public void start() throws Exception {
    process.start();
  }

  /** Blocks until the broker accepts connections, or fails when it dies first. */
  public void awaitReady(Duration timeout) throws Exception {
    Readiness.await(this, timeout);
  }

  @Override
  public Optional<Long> pid() {
    return process.pid();
  }

  @Override
  public boolean alive() {
    return process.alive();
  }

  @Override
  public Optional<Path> logFile() {
    return process.logFile();
  }

  @Override
  public void stop(Duration grace) {
    process.stop(grace);
  }
}
