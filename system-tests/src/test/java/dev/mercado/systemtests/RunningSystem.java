package dev.mercado.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.TerminalFailureException;

/**
 * The whole system started through the real {@code ./mercado up} (free ports, clean data under
 * {@code system-tests/target/mercado}), once per test JVM. With {@code -Dmercado.infra=local} it
 * runs on this machine's PostgreSQL and RabbitMQ instead of embedded servers.
 */
final class RunningSystem {

  static final Path REPOSITORY =
      Path.of(System.getProperty("mercado.repository", "..")).toAbsolutePath().normalize();
  static final Path HOME = REPOSITORY.resolve("system-tests/target/mercado");
  static final Path OUTPUT = REPOSITORY.resolve("system-tests/target/mercado-up.out");

  private static RunningSystem running;

  final Process launcher;
  final Map<String, String> urls = new LinkedHashMap<>();
  final Map<String, String> probes = new LinkedHashMap<>();
  final Map<String, Long> pids = new LinkedHashMap<>();

  private RunningSystem(Process launcher) {
    this.launcher = launcher;
  }

  static synchronized RunningSystem get() throws Exception {
    if (running == null) {
      running = start();
    }
    return running;
  }

  private static RunningSystem start() throws Exception {
    Files.createDirectories(OUTPUT.getParent());
    List<String> command =
        new ArrayList<>(
            List.of(
                "./mercado",
                "up",
                "--free-ports",
                "--clean",
                "--home",
                HOME.toString(),
                // two instances of catalog behind the gateway (HealthAwareRoutingIT), two of
                // orders sharing its partitions and jobs; the fault suite kills one of each
                "--scale",
                "catalog=2",
                "--scale",
                "orders=2"));
    if (images()) {
      // -Pimages: the services run from the images this build just made, under podman (issue 17)
      command.add("--images");
    }
    if (local()) {
      command.addAll(List.of("--infra", "local"));
    } else {
      // the fault suite's run: a three-node Kafka cluster, whose busiest node it kills, and two
      // instances of every other scaled service too, one of which it kills (issue 16)
      command.addAll(
          List.of(
              "--kafka-brokers",
              "3",
              "--scale",
              "identity=2",
              "--scale",
              "payments=2",
              "--scale",
              "notifications=2"));
    }
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(REPOSITORY.toFile())
            .redirectErrorStream(true)
            .redirectOutput(OUTPUT.toFile());
    builder.environment().put("MERCADO_NO_BUILD", "1");
    Process process = builder.start();
    process.getOutputStream().close();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(process)));
    RunningSystem system = new RunningSystem(process);
    try {
      await("./mercado up reports all healthy (output in " + OUTPUT + ")")
          .atMost(Duration.ofMinutes(5))
          .pollInterval(Duration.ofMillis(500))
          .failFast("./mercado up exited", () -> !process.isAlive())
          .until(() -> output().contains("all healthy"));
    } catch (TerminalFailureException exited) {
      // the output as it is now, not as it was when the wait began (it was empty then)
      throw new IllegalStateException("./mercado up exited:\n" + output(), exited);
    }
    system.readState();
    return system;
  }

  /** Reads the launcher's run state again (pids change when a component is restarted). */
  void readState() throws IOException {
    Properties state = new Properties();
    try (InputStream in = Files.newInputStream(HOME.resolve("run/state.properties"))) {
      state.load(in);
    }
    for (String name : state.getProperty("components").split(",")) {
      urls.put(name, state.getProperty("component." + name + ".url"));
      probes.put(name, state.getProperty("component." + name + ".probe"));
      pids.put(name, Long.parseLong(state.getProperty("component." + name + ".pid")));
    }
  }

  static boolean local() {
    String mode = System.getProperty("mercado.infra", System.getenv("MERCADO_INFRA"));
    return mode != null && mode.toLowerCase(Locale.ROOT).equals("local");
  }

  /** Whether the services run from their images ({@code -Pimages}: {@code mercado.images}). */
  static boolean images() {
    return Boolean.parseBoolean(System.getProperty("mercado.images", "false"));
  }

  static String output() {
    try {
      return Files.exists(OUTPUT) ? Files.readString(OUTPUT) : "";
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  /** Runs another {@code ./mercado} command against this system and returns its result. */
  static CommandResult mercado(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("./mercado"));
    command.addAll(List.of(arguments));
    command.addAll(List.of("--home", HOME.toString()));
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(REPOSITORY.toFile()).redirectErrorStream(true);
    builder.environment().put("MERCADO_NO_BUILD", "1");
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(4, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("./mercado " + String.join(" ", arguments) + " hung");
    }
    return new CommandResult(process.exitValue(), output);
  }

  record CommandResult(int exitCode, String output) {}

  private static void stopQuietly(Process process) {
    if (process.isAlive()) {
      process.destroy();
      try {
        process.waitFor(2, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
