package dev.mercado.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a started component to become ready by polling its probe, and fails fast when its
 * process dies first. No fixed sleeps: the only pause is the poll interval between two probes.
 */
public final class Readiness {

  private static final Duration POLL = Duration.ofMillis(200);

  private Readiness() {}

  /** Thrown when a process exits before it became ready; carries the end of its log. */
  public static final class ProcessDied extends IOException {
    ProcessDied(String name, String logTail) {
      super(name + " exited during start-up. Last lines of its log:\n" + logTail);
    }
  }

  /**
   * Blocks until {@code component} answers its probe, its process dies or {@code timeout} passes.
   *
   * @throws ProcessDied if the process exited first
   * @throws TimeoutException if it was not ready within {@code timeout}
   */
  static void await(Component component, Duration timeout)
      throws IOException, TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (!component.alive()) {
        throw new ProcessDied(component.name(), tail(component.logFile().orElse(null), 30));
      }
      if (Probe.check(component.probe()).ready()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException(
            component.name() + " was not ready within " + timeout.toSeconds() + " s");
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  static String tail(Path logFile, int lines) {
    if (logFile == null || !Files.exists(logFile)) {
      return "  (no log)";
    }
    try {
      List<String> all = Files.readAllLines(logFile);
      return String.join(
          "\n",
          all.subList(Math.max(0, all.size() - lines), all.size()).stream()
              .map(line -> "  | " + line)
              .toList());
    } catch (IOException e) {
      return "  (log unreadable: " + e.getMessage() + ")";
    }
  }
}
