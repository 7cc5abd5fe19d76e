package dev.mercado.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopologyTest {

  @Test
  void listsEveryInstanceOfEveryServiceForTheGatewaysDiscovery() {
    Map<String, List<String>> instances = new LinkedHashMap<>();
    instances.put("catalog", List.of("http://127.0.0.1:8081", "http://127.0.0.1:9001"));
    instances.put("orders", List.of("http://127.0.0.1:8082"));

    assertThat(Topology.discoveryJson(instances))
        .isEqualTo(
            "{\"spring\":{\"cloud\":{\"discovery\":{\"client\":{\"simple\":{\"instances\":{"
                + "\"catalog\":[{\"uri\":\"http://127.0.0.1:8081\"},{\"uri\":\"http://127.0.0.1:9001\"}],"
                + "\"orders\":[{\"uri\":\"http://127.0.0.1:8082\"}]}}}}}}}");
  }

  @Test
  void givesAServiceItsSetPropertiesAndTheJitAskedFor(@TempDir Path home) throws Exception {
    Topology topology =
        topology(home, "--jit", "full", "--set", "gateway:mercado.ratelimit.default-tier=premium");

    List<String> gateway = command(topology, "gateway");
    assertThat(gateway)
        .endsWith("--mercado.ratelimit.default-tier=premium")
        .noneMatch(option -> option.startsWith("-XX:TieredStopAtLevel"));
    assertThat(command(topology, "catalog"))
        .noneMatch(option -> option.startsWith("--mercado.ratelimit"));
  }

  @Test
  void runsAServiceFromItsImageWithItsEnvironmentPassedByNameOnly(@TempDir Path home)
      throws Exception {
    Topology topology = topology(home, "--images", "--set", "catalog:logging.level.root=debug");

    ContainerProcess catalog =
        (ContainerProcess)
            topology.components().stream()
                .filter(component -> component.name().equals("catalog"))
                .findFirst()
                .orElseThrow();
    Map<String, String> environment = catalog.environment();
    assertThat(environment.get("JAVA_TOOL_OPTIONS")).contains("-Xmx192m");
    List<String> line =
        catalog.commandLine(new TreeSet<>(environment.keySet()), "localhost/mercado/catalog:1");
    assertThat(line)
        .startsWith("podman", "run")
        .containsSubsequence("--network", "host")
        .containsSubsequence("-e", "SPRING_KAFKA_BOOTSTRAP_SERVERS")
        .containsSubsequence("-e", "JAVA_TOOL_OPTIONS")
        .endsWith("localhost/mercado/catalog:1", "--logging.level.root=debug")
        .as("values stay in podman's environment, off the command line")
        .noneMatch(argument -> argument.contains("health-token"));
    assertThat(String.join(" ", line))
        .as("podman's own settings are not the service's")
        .doesNotContain("-e CONTAINERS_CONF");
  }

  @Test
  void startsAClusterOfThreeBrokersTogetherAndTellsTheServicesToReplicate(@TempDir Path home)
      throws Exception {
    Topology topology = topology(home, "--kafka-brokers", "3", "--scale", "payments=2");

    Topology.Stage infrastructure = topology.stages().get(0);
    assertThat(infrastructure.components())
        .filteredOn(component -> component instanceof KafkaBroker)
        .extracting(Component::name)
        .containsExactly("kafka", "kafka-2", "kafka-3");
    assertThat(infrastructure.startTogether()).isEqualTo(3);
    OsProcess orders = process(topology, "orders");
    assertThat(orders.environment().get("SPRING_KAFKA_BOOTSTRAP_SERVERS").split(",")).hasSize(3);
    assertThat(process(topology, "payments-2").environment())
        .containsEntry("MERCADO_RATELIMIT_MEMORY_INSTANCES", "2")
        .doesNotContainKey("MERCADO_RATELIMIT_BACKEND");
    assertThat(orders.environment())
        .containsEntry("MERCADO_KAFKA_REPLICATION_FACTOR", "3")
        .containsEntry("MERCADO_KAFKA_MIN_INSYNC_REPLICAS", "2");
  }

  @Test
  void startsOneBrokerByDefaultAndLeavesReplicationToTheServicesDefaults(@TempDir Path home)
      throws Exception {
    Topology topology = topology(home);

    assertThat(topology.components())
        .filteredOn(component -> component instanceof KafkaBroker)
        .extracting(Component::name)
        .containsExactly("kafka");
    assertThat(process(topology, "orders").environment())
        .doesNotContainKey("MERCADO_KAFKA_REPLICATION_FACTOR");
  }

  @Test
  void keepsTheRateLimitsOfTheGatewayAndPaymentsInThisMachinesRedisWithOneRunPrefix(
      @TempDir Path home) throws Exception {
    Settings settings =
        Settings.parse(
            Path.of("/repo"),
            List.of("--home", home.toString(), "--infra", "local", "--scale", "payments=2"));

    Topology topology = Topology.of(settings, "health-token");

    Map<String, String> gateway = process(topology, "gateway").environment();
    assertThat(gateway).containsEntry("MERCADO_RATELIMIT_BACKEND", "redis");
    for (String payments : List.of("payments", "payments-2")) {
      assertThat(process(topology, payments).environment())
          .containsEntry("MERCADO_RATELIMIT_BACKEND", "redis")
          .containsEntry(
              "MERCADO_RATELIMIT_REDIS_KEY_PREFIX",
              gateway.get("MERCADO_RATELIMIT_REDIS_KEY_PREFIX"));
    }
  }

  private static OsProcess process(Topology topology, String name) {
    return topology.components().stream()
        .filter(component -> component.name().equals(name))
        .map(OsProcess.class::cast)
        .findFirst()
        .orElseThrow();
  }

  private static List<String> command(Topology topology, String name) {
    return topology.components().stream()
        .filter(component -> component.name().equals(name))
        .map(OsProcess.class::cast)
        .findFirst()
        .orElseThrow()
        .command();
  }

  /** The topology of {@code ./mercado up --home <home> --free-ports <options>}. */
  private static Topology topology(Path home, String... options) throws Exception {
    List<String> arguments = new ArrayList<>(List.of("--home", home.toString(), "--free-ports"));
    arguments.addAll(List.of(options));
    return Topology.of(Settings.parse(Path.of("/repo"), arguments), "health-token");
  }
}
