package dev.mercado.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A server that already runs on this machine ({@code --infra local}): the launcher probes it but
 * never starts or stops it.
 */
record ExternalServer(String name, String url, String probe) implements Component {

  @Override
  public String kind() {
    return "infra";
  }

  @Override
  public void start() {
    if (!Probe.check(probe).ready()) {
      throw new IllegalStateException(
          name + " is not reachable at " + url + " (--infra local uses this machine's own server)");
    }
  }

  @Override
  public Optional<Long> pid() {
    return Optional.empty();
  }

  @Override
  public boolean alive() {
    return true;
  }

  @Override
  public Optional<Path> logFile() {
    return Optional.empty();
  }

  @Override
  public void stop(Duration grace) {
    // not ours to stop
  }
}
