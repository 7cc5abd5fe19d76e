package dev.mercado.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** The launcher's terminal output: progress lines with the elapsed time, and the status table. */
final class Console {

  private final PrintStream out;
  private final long startedAt = System.nanoTime();

  Console(PrintStream out) {
    this.out = out;
  }

  double elapsedSeconds() {
    return (System.nanoTime() - startedAt) / 1e9;
  }

  synchronized void progress(String message) {
    out.printf("[%6.1fs] %s%n", elapsedSeconds(), message);
    out.flush();
  }

  synchronized void line(String message) {
    out.println(message);
    out.flush();
  }

  /** One row of the status table. */
  record Row(
      String name, String kind, String url, String health, String pid, String log, String checks) {}

  synchronized void table(List<Row> rows) {
    String format = "%-17s %-10s %-32s %-22s %-8s %-32s %s%n";
    out.printf(format, "NAME", "KIND", "URL", "HEALTH", "PID", "LOG", "CHECKS");
    for (Row row : rows) {
      out.printf(
          format,
          row.name(),
          row.kind(),
          row.url(),
          row.health(),
          row.pid(),
          row.log(),
          row.checks());
    }
    out.flush();
  }

  static String relative(String path) {
    if (path == null || path.isEmpty()) {
      return "-";
    }
    Path absolute = Path.of(path).toAbsolutePath();
    Path here = Path.of("").toAbsolutePath();
    return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
  }
}
