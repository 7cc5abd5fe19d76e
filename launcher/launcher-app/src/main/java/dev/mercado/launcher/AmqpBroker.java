package dev.mercado.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The embedded AMQP 0-9-1 broker (Apache Qpid Broker-J, see {@code launcher/launcher-amqp}) as its
 * own process, with a persistent store under its work directory. Credentials are {@code
 * guest}/{@code guest}, as on a default RabbitMQ.
 */
public final class AmqpBroker extends OsProcess {

  private final int port;

  /**
   * @param repository the repository root (holds {@code launcher/launcher-amqp/target})
   * @param workDirectory the broker's configuration and message store
   * @param logFile where its standard output goes
   * @param port the AMQP port on 127.0.0.1
   */
  public AmqpBroker(Path repository, Path workDirectory, Path logFile, int port) {
    super(
        "amqp",
        "infra",
        "amqp://127.0.0.1:" + port,
        "amqp://127.0.0.1:" + port,
        List.of(
            Java.executable(),
            "-Xms32m",
            "-Xmx128m",
            "-XX:+UseSerialGC",
            // C1 only, as the services: C2 was still a third of the broker's CPU minutes after
            // start (docs/performance.md)
            "-XX:TieredStopAtLevel=1",
            "-Djava.io.tmpdir=" + workDirectory,
            "-cp",
            Java.classpath(repository, "launcher/launcher-amqp/target", "launcher-amqp.jar"),
            "dev.mercado.launcher.amqp.QpidBroker",
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
    this.port = port;
  }

  public int port() {
    return port;
  }
}
