package dev.mercado.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service run from its image under podman ({@code ./mercado up --images}, F7 and issue 17)
 * instead of from its jar: the image {@code ./mercado images} built, so what runs is what a cluster
 * would run. The container shares the host's network, so its port and its peers' addresses are
 * those of a process; its environment is passed by name ({@code -e NAME} takes the value from
 * podman's own environment, so no secret appears on a command line); JVM options go through {@code
 * JAVA_TOOL_OPTIONS}. It runs as the image's non-root user and writes nothing outside the
 * container.
 *
 * <p>podman needs no daemon: the process the launcher watches is {@code podman run}, which forwards
 * SIGTERM to the JVM, so stopping works as for a process; a container left behind by a killed
 * {@code podman run} is removed when it stops and replaced when it starts again.
 */
final class ContainerProcess extends OsProcess {

  /** podman's settings for these machines: cgroupfs and runc, no default ulimits. */
  private static final String CONTAINERS_CONF =
      """
      # written by ./mercado up --images: the settings podman needs on these machines
      [containers]
      default_ulimits = []

      [engine]
      cgroup_manager = "cgroupfs"
      runtime = "runc"
      events_logger = "file"
      """;

  private static final Pattern LOADED = Pattern.compile("Loaded image(?:\\(s\\))?: (\\S+)");

  /** Image tarballs loaded into podman by this launcher, with the image each holds. */
  private static final Map<Path, String> LOADED_IMAGES = new ConcurrentHashMap<>();

  private final String container;
  private final Path imageTar;
  private final Path podmanConf;
  private final List<String> arguments;

  /**
   * @param imageTar the tarball {@code jib:buildTar} wrote ({@code target/image.tar})
   * @param jvmOptions given to the JVM in the container through {@code JAVA_TOOL_OPTIONS}
   * @param arguments the application's arguments, after the image's entrypoint
   * @param port the service's port, which names the container (one per port on the host network)
   */
  ContainerProcess(
      String name,
      String url,
      String probe,
      Path imageTar,
      List<String> jvmOptions,
      List<String> arguments,
      Map<String, String> environment,
      Path home,
      int port,
      Preparation preparation) {
    super(
        name,
        "service",
        url,
        probe,
        List.of(),
        withJvmOptions(environment, podmanConf(home), jvmOptions),
        home.resolve("logs/" + name + ".log"),
        () -> {
          load(imageTar, podmanConf(home));
          return preparation.run();
        });
    this.container = "mercado-" + name + "-" + port;
    this.imageTar = imageTar;
    this.podmanConf = podmanConf(home);
    this.arguments = List.copyOf(arguments);
  }

  /** Where the launcher writes podman's settings for this run. */
  private static Path podmanConf(Path home) {
    return home.resolve("podman/containers.conf");
  }

  private static Map<String, String> withJvmOptions(
      Map<String, String> environment, Path podmanConf, List<String> jvmOptions) {
    Map<String, String> env = new LinkedHashMap<>(environment);
    env.put("JAVA_TOOL_OPTIONS", String.join(" ", jvmOptions));
    env.put("CONTAINERS_CONF", podmanConf.toString());
    return env;
  }

  @Override
  List<String> commandLine(Set<String> environmentNames) {
    String image = LOADED_IMAGES.get(imageTar);
    if (image == null) {
      throw new IllegalStateException(imageTar + " was not loaded into podman");
    }
    return commandLine(environmentNames, image);
  }

  /** {@code podman run} of {@code image}, with the variables named and the arguments after it. */
  List<String> commandLine(Set<String> environmentNames, String image) {
    List<String> line =
        new ArrayList<>(
            List.of(
                "podman",
                "run",
                "--rm",
                "--replace",
                "--name",
                container,
                "--network",
                "host",
                "--stop-timeout",
                "30"));
    for (String name : environmentNames) {
      if (!name.equals("CONTAINERS_CONF")) {
        line.addAll(List.of("-e", name));
      }
    }
    line.add(image);
    line.addAll(arguments);
    return line;
  }

  @Override
  public void stop(Duration grace) {
    super.stop(grace);
    // podman run killed before its container stopped leaves the container running
    try {
      podman(podmanConf, Duration.ofSeconds(30), "rm", "--force", "--time", "0", container);
    } catch (IOException | InterruptedException | IllegalStateException e) {
      // nothing to remove, or podman is gone: the next start replaces it by name
    }
  }

  /**
   * Loads the image tarball into podman's store once per launcher (a service's instances share it)
   * and remembers the image's name.
   */
  static String load(Path imageTar, Path podmanConf) throws IOException, InterruptedException {
    synchronized (LOADED_IMAGES) {
      String image = LOADED_IMAGES.get(imageTar);
      if (image != null) {
        return image;
      }
      if (!Files.exists(imageTar)) {
        throw new IOException(
            "missing " + imageTar + ": build the images with './mercado images' first");
      }
      Files.createDirectories(podmanConf.getParent());
      Files.writeString(podmanConf, CONTAINERS_CONF, StandardCharsets.UTF_8);
      String output =
          podman(podmanConf, Duration.ofMinutes(3), "load", "--input", imageTar.toString());
      Matcher loaded = LOADED.matcher(output);
      if (!loaded.find()) {
        throw new IOException("podman load named no image:\n" + output);
      }
      LOADED_IMAGES.put(imageTar, loaded.group(1));
      return loaded.group(1);
    }
  }

  private static String podman(Path podmanConf, Duration timeout, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("podman"));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("CONTAINERS_CONF", podmanConf.toString());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IOException(
          "--images runs the services under podman, which is not installed"
              + " (apt-get install podman runc)",
          e);
    }
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IOException("podman " + String.join(" ", arguments) + " timed out");
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          "podman " + String.join(" ", arguments) + " failed:\n" + output);
    }
    return output;
  }
}
