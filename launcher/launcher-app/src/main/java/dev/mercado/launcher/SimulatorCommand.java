package dev.mercado.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How every simulator under {@code simulators/} runs: a small JVM on the module's plain class path
 * ({@code target/<module>.jar} and {@code target/lib}).
 */
final class SimulatorCommand {

  private SimulatorCommand() {}

  /** {@code java <small heap> -cp simulators/<module>/... <mainClass> <arguments>}. */
  static List<String> of(Path repository, String module, String mainClass, String... arguments) {
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            Java.executable(),
            "-Xms16m",
            "-Xmx64m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            Java.classpath(repository, "simulators/" + module + "/target", module + ".jar"),
            mainClass));
    command.addAll(List.of(arguments));
    return List.copyOf(command);
  }
}
