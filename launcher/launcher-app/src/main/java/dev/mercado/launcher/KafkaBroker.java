package dev.mercado.launcher;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process), run from the
 * Kafka jars that {@code launcher/launcher-kafka} copies to its {@code target/lib}. The storage is
 * formatted on first start only, so topics and records survive a restart with the same data
 * directory.
 */
public final class KafkaBroker extends OsProcess {

  private final int port;

  /**
   * @param repository the repository root (holds {@code launcher/launcher-kafka/target})
   * @param dataDirectory where the broker keeps its log segments and metadata
   * @param logFile where its standard output goes
   * @param port the client (PLAINTEXT) port on 127.0.0.1
   * @param controllerPort the KRaft controller port on 127.0.0.1
   */
  public KafkaBroker(
      Path repository, Path dataDirectory, Path logFile, int port, int controllerPort) {
    super(
        "kafka",
        "infra",
        "127.0.0.1:" + port,
        "kafka://127.0.0.1:" + port,
        Java.concat(
            java(repository, dataDirectory),
            List.of("kafka.Kafka", dataDirectory.resolve("server.properties").toString())),
        Map.of(),
        logFile,
        () -> prepare(repository, dataDirectory, logFile, port, controllerPort));
    this.port = port;
  }

  private static List<String> java(Path repository, Path dataDirectory) {
    return List.of(
        Java.executable(),
        "-Xms64m",
        "-Xmx256m",
        "-XX:+UseSerialGC",
        // C1 only, as the services: C2 was still a quarter of the broker's CPU minutes after
        // start (docs/performance.md)
        "-XX:TieredStopAtLevel=1",
        "-Djava.io.tmpdir=" + dataDirectory,
        "-cp",
        Java.classpath(repository, "launcher/launcher-kafka/target", "launcher-kafka.jar"));
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  private static Map<String, String> prepare(
      Path repository, Path dataDirectory, Path logFile, int port, int controllerPort)
      throws Exception {
    Path properties = dataDirectory.resolve("server.properties");
    Files.createDirectories(dataDirectory.resolve("log"));
    Files.writeString(
        properties,
        String.join(
            "\n",
            "process.roles=broker,controller",
            "node.id=1",
            "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
            "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
            "controller.listener.names=CONTROLLER",
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
            "log.dirs=" + dataDirectory.resolve("log"),
            "num.partitions=3",
            "offsets.topic.replication.factor=1",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            "group.initial.rebalance.delay.ms=0",
            "auto.create.topics.enable=false",
            ""));
    if (!Files.exists(dataDirectory.resolve("log/meta.properties"))) {
      OsProcess.runToCompletion(
          Java.concat(
              java(repository, dataDirectory),
              List.of(
                  "kafka.tools.StorageTool",
                  "format",
                  "--cluster-id",
                  clusterId(),
                  "--config",
                  properties.toString(),
                  "--standalone")),
          logFile,
          Duration.ofSeconds(60));
    }
    return Map.of();
  }

  /**
   * A KRaft cluster id: 16 random bytes, URL-safe Base64 without padding, never starting with
   * {@code -} (StorageTool would read it as an option and fail: 1 start in 64 did, until this
   * check; Kafka's own {@code Uuid.randomUuid()} skips such ids the same way).
   */
  static String clusterId() {
    String id;
    do {
      UUID uuid = UUID.randomUUID();
      ByteBuffer bytes = ByteBuffer.allocate(16);
      bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
      id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    } while (id.startsWith("-"));
    return id;
  }
}
