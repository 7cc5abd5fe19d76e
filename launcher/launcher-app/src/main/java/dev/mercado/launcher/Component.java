package dev.mercado.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One thing the launcher runs or depends on: an infrastructure server or a service. Each runs as
 * its own OS process; an external component (a server already running on this machine) is only
 * probed, never started or stopped.
 */
interface Component {

  String name();

  /** "infra" or "service": what the status table groups by. */
  String kind();

  /** Where a user reaches it, e.g. {@code http://127.0.0.1:8081} or {@code postgres://…}. */
  String url();

  /** How readiness is probed: an {@code http://} URL answering 200, or {@code tcp://host:port}. */
  String probe();

  /** Starts the process and returns without waiting for readiness. */
  void start() throws Exception;

  /** The process id while it runs, empty for external components or before start. */
  Optional<Long> pid();

  /** True while the process runs; external components are always considered alive. */
  boolean alive();

  /** Log file of the process, or empty for external components. */
  Optional<Path> logFile();

  /** Stops the process: politely, then forcibly once {@code grace} has passed. */
  void stop(Duration grace);
}
