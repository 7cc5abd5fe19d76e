package dev.mercado.simulators.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mercado.simulators.kit.SimulatorProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulator's main class as a child JVM on the test's class path, started the way the launcher
 * starts it (a small heap, the serial collector), its stdout and stderr in one log file. For
 * integration tests that need a real process: exit statuses, SIGTERM.
 */
public final class SimulatorJvm {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final AtomicInteger RUNS = new AtomicInteger();

  private final Class<?> mainClass;
  private final Path logDirectory;

  /**
   * @param logDirectory where each run's log goes, such as {@code target/mail-server-it}
   */
  public SimulatorJvm(Class<?> mainClass, Path logDirectory) {
    this.mainClass = mainClass;
    this.logDirectory = logDirectory;
  }

  /**
   * Starts the simulator and waits until its log shows {@code readyLine}.
   *
   * @throws IllegalStateException with the log if the process exits first
   */
  public Running start(List<String> arguments, String readyLine) {
    Path log = nextLog();
    Process process = launch(arguments, log);
    await(mainClass.getSimpleName() + " ready in " + log)
        .atMost(START_TIMEOUT)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(
                    mainClass.getSimpleName()
                        + " exited with "
                        + process.exitValue()
                        + ":\n"
                        + Files.readString(log));
              }
              return Files.readString(log).contains(readyLine);
            });
    return new Running(process, log);
  }

  /** Runs the simulator until it exits by itself, as it does on bad arguments or a port in use. */
  public Exit runUntilExit(List<String> arguments) throws IOException, InterruptedException {
    Path log = nextLog();
    Process process = launch(arguments, log);
    if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      throw new AssertionError(
          mainClass.getSimpleName() + " did not exit within " + START_TIMEOUT + ": " + arguments);
    }
    return new Exit(process.exitValue(), Files.readString(log));
  }

  /** Asserts that the simulator exits with the usage status, the reason and the usage line. */
  public void assertExitsWithUsage(List<String> arguments, String reason)
      throws IOException, InterruptedException {
    Exit exit = runUntilExit(arguments);
    assertThat(exit.status()).as(exit.output()).isEqualTo(SimulatorProcess.EXIT_USAGE);
    assertThat(exit.output()).contains(reason).contains("usage:");
  }

  private Path nextLog() {
    return logDirectory.resolve(mainClass.getSimpleName() + "-" + RUNS.incrementAndGet() + ".log");
  }

  private Process launch(List<String> arguments, Path log) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx64m");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(arguments);
    try {
      Files.createDirectories(log.getParent());
      return new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * How a run ended.
   *
   * @param status the exit status
   * @param output stdout and stderr
   */
  public record Exit(int status, String output) {}

  /** A simulator that printed its ready line. */
  public final class Running {

    private final Process process;
    private final Path log;

    private Running(Process process, Path log) {
      this.process = process;
      this.log = log;
    }

    /** Stdout and stderr so far. */
    public String output() throws IOException {
      return Files.readString(log);
    }

    /** Sends SIGTERM and waits for the exit; returns the exit status. */
    public int stop() {
      process.destroy();
      try {
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
          throw new IllegalStateException(
              mainClass.getSimpleName() + " ignored SIGTERM for " + STOP_TIMEOUT);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
        throw new IllegalStateException("interrupted while stopping " + mainClass.getName(), e);
      }
      return process.exitValue();
    }
  }
}
