package dev.mercado.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A Kafka broker in KRaft mode, run from the Kafka jars that {@code launcher/launcher-kafka} copies
 * to its {@code target/lib}: alone ({@link #KafkaBroker(Path, Path, Path, int, int)}), or one node
 * of a {@linkplain #cluster cluster} in which every node is both broker and controller. The storage
 * is formatted on first start only, so topics and records survive a restart with the same data
 * directory.
 */
public final class KafkaBroker extends OsProcess {

  /** A node's addresses: the client (PLAINTEXT) port and the KRaft controller port. */
  public record Node(int port, int controllerPort) {}

  private final int port;
  private final int nodeId;

  /**
   * A single broker that is its own controller, named {@code kafka}.
   *
   * @param repository the repository root (holds {@code launcher/launcher-kafka/target})
   * @param dataDirectory where the broker keeps its log segments and metadata
   * @param logFile where its standard output goes
   * @param port the client (PLAINTEXT) port on 127.0.0.1
   * @param controllerPort the KRaft controller port on 127.0.0.1
   */
  public KafkaBroker(
      Path repository, Path dataDirectory, Path logFile, int port, int controllerPort) {
    this(repository, "kafka", dataDirectory, logFile, 1, List.of(new Node(port, controllerPort)));
  }

  private KafkaBroker(
      Path repository,
      String name,
      Path dataDirectory,
      Path logFile,
      int nodeId,
      List<Node> nodes) {
    super(
        name,
        "infra",
        "127.0.0.1:" + nodes.get(nodeId - 1).port(),
        "kafka://127.0.0.1:" + nodes.get(nodeId - 1).port(),
        Java.concat(
            java(repository, dataDirectory),
            List.of("kafka.Kafka", dataDirectory.resolve("server.properties").toString())),
        Map.of(),
        logFile,
        () -> prepare(repository, dataDirectory, logFile, nodeId, nodes));
    this.port = nodes.get(nodeId - 1).port();
    this.nodeId = nodeId;
  }

  /**
   * The nodes of a KRaft cluster, each broker and controller at once (combined roles: half the
   * processes of separate controllers, which a two-core machine cannot spare; a production cluster
   * separates them). All of them are voters of a static quorum, so the cluster accepts writes while
   * a majority runs. Topics should be created with {@code min(3, nodes)} replicas: the broker
   * defaults here say so for the topics nobody declares (dead-letter topics, consumer offsets).
   *
   * <p>The nodes are named {@code kafka}, {@code kafka-2}, {@code kafka-3}… like the instances of a
   * service, and keep their data under {@code directory/<name>}, with their log in {@code
   * logs/<name>.log}. They must start together: none is ready before a majority runs.
   */
  public static List<KafkaBroker> cluster(
      Path repository, Path directory, Path logs, List<Node> nodes) {
    List<KafkaBroker> brokers = new ArrayList<>();
    for (int id = 1; id <= nodes.size(); id++) {
      String name = id == 1 ? "kafka" : "kafka-" + id;
      brokers.add(
          new KafkaBroker(
              repository,
              name,
              directory.resolve(name),
              logs.resolve(name + ".log"),
              id,
              List.copyOf(nodes)));
    }
    return List.copyOf(brokers);
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

  /** This broker's node id: 1 alone, 1 to N in a cluster. */
  public int nodeId() {
    return nodeId;
  }

  /** Every node's client address, comma-separated: what clients bootstrap from. */
  public static String bootstrapServers(List<KafkaBroker> brokers) {
    return brokers.stream().map(KafkaBroker::bootstrapServers).collect(Collectors.joining(","));
  }

  private static Map<String, String> prepare(
      Path repository, Path dataDirectory, Path logFile, int nodeId, List<Node> nodes)
      throws Exception {
    Node self = nodes.get(nodeId - 1);
    int replicas = Math.min(3, nodes.size());
    // a majority of the replicas must have a record before acks=all is answered (R9)
    int minInSync = replicas == 1 ? 1 : replicas - 1;
    boolean alone = nodes.size() == 1;
    String quorum =
        alone
            ? "controller.quorum.bootstrap.servers=127.0.0.1:" + self.controllerPort()
            : "controller.quorum.voters="
                + IntStream.rangeClosed(1, nodes.size())
                    .mapToObj(id -> id + "@127.0.0.1:" + nodes.get(id - 1).controllerPort())
                    .collect(Collectors.joining(","));
    Path properties = dataDirectory.resolve("server.properties");
    Files.createDirectories(dataDirectory.resolve("log"));
    Files.writeString(
        properties,
        String.join(
            "\n",
            "process.roles=broker,controller",
            "node.id=" + nodeId,
            "listeners=PLAINTEXT://127.0.0.1:"
                + self.port()
                + ",CONTROLLER://127.0.0.1:"
                + self.controllerPort(),
            "advertised.listeners=PLAINTEXT://127.0.0.1:" + self.port(),
            "controller.listener.names=CONTROLLER",
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            quorum,
            "log.dirs=" + dataDirectory.resolve("log"),
            "num.partitions=3",
            "default.replication.factor=" + replicas,
            "min.insync.replicas=" + minInSync,
            "offsets.topic.replication.factor=" + replicas,
            "transaction.state.log.replication.factor=" + replicas,
            "transaction.state.log.min.isr=" + minInSync,
            "share.coordinator.state.topic.replication.factor=" + replicas,
            "share.coordinator.state.topic.min.isr=" + minInSync,
            // no record is lost to an out-of-sync replica becoming leader (the default, said)
            "unclean.leader.election.enable=false",
            // leadership returns to a restarted node within half a minute, not five
            "leader.imbalance.check.interval.seconds=30",
            "group.initial.rebalance.delay.ms=0",
            "auto.create.topics.enable=false",
            ""));
    if (!Files.exists(dataDirectory.resolve("log/meta.properties"))) {
      List<String> format =
          new ArrayList<>(
              List.of(
                  "kafka.tools.StorageTool",
                  "format",
                  "--cluster-id",
                  alone ? clusterId() : sharedClusterId(dataDirectory.getParent()),
                  "--config",
                  properties.toString()));
      if (alone) {
        format.add("--standalone");
      }
      OsProcess.runToCompletion(
          Java.concat(java(repository, dataDirectory), format), logFile, Duration.ofSeconds(60));
    }
    return Map.of();
  }

  /**
   * The id every node of one cluster is formatted with, kept in {@code cluster.id} beside their
   * data directories: a node whose data was deleted rejoins its cluster, not a new one.
   */
  private static synchronized String sharedClusterId(Path clusterDirectory) throws IOException {
    Path file = clusterDirectory.resolve("cluster.id");
    if (Files.exists(file)) {
      return Files.readString(file).strip();
    }
    String id = clusterId();
    Files.createDirectories(clusterDirectory);
    Files.writeString(file, id + "\n");
    return id;
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
