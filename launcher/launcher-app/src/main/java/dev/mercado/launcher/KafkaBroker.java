package dev.mercado.launcher;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process), run from the
 * Kafka jars that {@code launcher/launcher-kafka} copies to its {@code target/lib}. The storage is
 * formatted on first start only, so topics and records survive a restart with the same data
 * directory.
 */
public final class KafkaBroker implements Component {

  private final Path dataDirectory;
  private final int port;
  private final int controllerPort;
  private final OsProcess process;

  /**
   * @param repository the repository root (holds {@code launcher/launcher-kafka/target})
   * @param dataDirectory where the broker keeps its log segments and metadata
   * @param logFile where its standard output goes
   * @param port the client (PLAINTEXT) port on 127.0.0.1
   * @param controllerPort the KRaft controller port on 127.0.0.1
   */
  public KafkaBroker(
      Path repository, Path dataDirectory, Path logFile, int port, int controllerPort) {
    this.dataDirectory = dataDirectory;
    this.port = port;
    this.controllerPort = controllerPort;
    Path module = repository.resolve("launcher/launcher-kafka/target");
    String classpath = module.resolve("launcher-kafka.jar") + ":" + module.resolve("lib") + "/*";
    Path properties = dataDirectory.resolve("server.properties");
    List<String> java =
        List.of(
            Java.executable(),
            "-Xms64m",
            "-Xmx256m",
            "-XX:+UseSerialGC",
            "-Djava.io.tmpdir=" + dataDirectory,
            "-cp",
            classpath);
    this.process =
        new OsProcess(
            "kafka",
            "infra",
            bootstrapServers(),
            "kafka://" + bootstrapServers(),
            Java.concat(java, List.of("kafka.Kafka", properties.toString())),
            Map.of(),
            logFile,
            () -> prepare(java, properties, logFile));
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  private Map<String, String> prepare(List<String> java, Path properties, Path logFile)
      throws Exception {
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
              java,
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

  /** A KRaft cluster id: 16 random bytes, URL-safe Base64 without padding. */
  private static String clusterId() {
    UUID uuid = UUID.randomUUID();
    ByteBuffer bytes = ByteBuffer.allocate(16);
    bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
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

  /** Blocks until the broker answers a metadata request, or fails when it dies first. */
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
