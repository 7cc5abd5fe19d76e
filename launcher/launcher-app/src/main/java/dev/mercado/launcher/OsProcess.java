package dev.mercado.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * A component that is an OS process started from a command line, with its standard output and error
 * in its own log file. The previous run's log is kept as {@code <name>.log.1}.
 *
 * <p>Where {@code setsid} exists the process gets its own session, so a Ctrl-C in the launcher's
 * terminal reaches only the launcher, which then stops everything in reverse start order.
 */
public class OsProcess implements Component {

  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private final String name;
  private final String kind;
  private final String url;
  private final String probe;
  private final List<String> command;
  private final Map<String, String> environment;
  private final Path logFile;
  private final Preparation preparation;
  private final Runnable afterCleanStop;
  private volatile Process process;

  /**
   * A step run before each start, e.g. provisioning a database or formatting storage; it returns
   * environment variables to add to the process's environment.
   */
  @FunctionalInterface
  interface Preparation {
    Map<String, String> run() throws Exception;
  }

  OsProcess(
      String name,
      String kind,
      String url,
      String probe,
      List<String> command,
      Map<String, String> environment,
      Path logFile,
      Preparation preparation) {
    this(name, kind, url, probe, command, environment, logFile, preparation, () -> {});
  }

  /**
   * @param afterCleanStop runs after {@link #stop(Duration)} when the process exited within its
   *     grace period (it was not killed)
   */
  OsProcess(
      String name,
      String kind,
      String url,
      String probe,
      List<String> command,
      Map<String, String> environment,
      Path logFile,
      Preparation preparation,
      Runnable afterCleanStop) {
    this.preparation = preparation;
    this.afterCleanStop = afterCleanStop;
    this.name = name;
    this.kind = kind;
    this.url = url;
    this.probe = probe;
    this.command = List.copyOf(command);
    this.environment = Map.copyOf(environment);
    this.logFile = logFile;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public String url() {
    return url;
  }

  @Override
  public String probe() {
    return probe;
  }

  List<String> command() {
    return command;
  }

  /** The environment it starts with, before what its preparation adds. */
  Map<String, String> environment() {
    return environment;
  }

  @Override
  public final void start() throws Exception {
    Files.createDirectories(logFile.getParent());
    if (Files.exists(logFile)) {
      Files.move(
          logFile,
          logFile.resolveSibling(logFile.getFileName() + ".1"),
          StandardCopyOption.REPLACE_EXISTING);
    }
    Map<String, String> prepared = preparation.run();
    List<String> line = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      line.add(SETSID.toString());
    }
    Set<String> names = new TreeSet<>(environment.keySet());
    names.addAll(prepared.keySet());
    line.addAll(commandLine(names));
    ProcessBuilder builder =
        new ProcessBuilder(line)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.environment().putAll(environment);
    builder.environment().putAll(prepared);
    process = builder.start();
  }

  /**
   * The command line each start runs: the command as given; a process that wraps another (a
   * container) builds its own from the names of the variables its environment will hold.
   */
  List<String> commandLine(Set<String> environmentNames) {
    return command;
  }

  /** Runs the command to completion (a set-up step such as formatting storage). */
  static void runToCompletion(List<String> command, Path logFile, Duration timeout)
      throws IOException, InterruptedException {
    Files.createDirectories(logFile.getParent());
    Process step =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .start();
    if (!step.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      step.destroyForcibly();
      throw new IOException("timed out after " + timeout + ": " + String.join(" ", command));
    }
    if (step.exitValue() != 0) {
      throw new IOException(
          "exit code " + step.exitValue() + " from " + command.get(command.size() - 1));
    }
  }

  @Override
  public Optional<Long> pid() {
    Process current = process;
    return current == null ? Optional.empty() : Optional.of(current.pid());
  }

  @Override
  public boolean alive() {
    Process current = process;
    return current != null && current.isAlive();
  }

  @Override
  public Optional<Path> logFile() {
    return Optional.of(logFile);
  }

  /** Blocks until the process answers its probe, or fails when it dies first. */
  public void awaitReady(Duration timeout) throws Exception {
    Readiness.await(this, timeout);
  }

  @Override
  public void stop(Duration grace) {
    Process current = process;
    if (current == null) {
      return;
    }
    if (Processes.terminate(current.toHandle(), grace)) {
      afterCleanStop.run();
    }
  }
}
