package dev.mercado.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fault proxy ({@code simulators/fault-proxy}) as its own process, placed between services and
 * their external dependencies (R6, F8): payments reaches the payment provider, and notifications
 * the SMTP server, through it, so {@code ./mercado chaos} can slow, throttle, reset or blackhole
 * those connections for a bounded time while everything else runs untouched.
 */
public final class ChaosProxy extends OsProcess {

  /** One proxied connection: the route's name, where it listens, where it forwards. */
  public record Route(String name, int listenPort, int targetPort) {}

  private final int adminPort;

  /**
   * @param repository the repository root (holds {@code simulators/fault-proxy/target})
   * @param logFile where its standard output goes
   * @param adminPort the fault-switch API on 127.0.0.1
   * @param routes the connections it carries, all on 127.0.0.1
   */
  public ChaosProxy(Path repository, Path logFile, int adminPort, List<Route> routes) {
    super(
        "chaos-proxy",
        "simulator",
        "http://127.0.0.1:" + adminPort + "/routes",
        "http://127.0.0.1:" + adminPort + "/health",
        SimulatorCommand.of(
            repository,
            "fault-proxy",
            "dev.mercado.simulators.proxy.FaultProxy",
            arguments(adminPort, routes)),
        Map.of(),
        logFile,
        Map::of);
    this.adminPort = adminPort;
  }

  private static String[] arguments(int adminPort, List<Route> routes) {
    List<String> arguments = new ArrayList<>(List.of("--admin-port", Integer.toString(adminPort)));
    for (Route route : routes) {
      arguments.add("--route");
      arguments.add(route.name() + "=" + route.listenPort() + ":127.0.0.1:" + route.targetPort());
    }
    return arguments.toArray(String[]::new);
  }

  /** The fault-switch API: {@code /routes}, {@code /routes/{name}/faults}, {@code /faults}. */
  public String adminUrl() {
    return "http://127.0.0.1:" + adminPort;
  }
}
