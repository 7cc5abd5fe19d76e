package dev.mercado.simulators.proxy;

import dev.mercado.simulators.kit.HttpListener;
import dev.mercado.simulators.kit.ProblemTypes;
import dev.mercado.simulators.kit.Simulator;
import dev.mercado.simulators.kit.SimulatorProcess;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A TCP fault-injection proxy, run as its own OS process between a service and a dependency: {@code
 * java -Xmx64m -cp 'fault-proxy.jar:lib/*' dev.mercado.simulators.proxy.FaultProxy --admin-port <n>
 * --route <name>=<listen-port>:<target-host>:<target-port> [--route ...]}.
 *
 * <p>Each route listens on {@code 127.0.0.1:<listen-port>} and forwards bytes both ways to its
 * target, which must be a loopback address: the proxy never reaches beyond this machine. The admin
 * port ({@code --admin-port}) serves {@code GET /routes}, {@code GET /routes/{name}}, {@code
 * GET|PUT|DELETE /routes/{name}/faults}, {@code DELETE /faults} and {@code GET /health}, on
 * 127.0.0.1 only, in JSON; every error is an RFC 9457 problem detail ({@code
 * application/problem+json}) without a stack trace.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>Without faults, bytes pass unchanged and in order both ways, and the end of a stream too (a
 *       half-close is passed on as a half-close).
 *   <li>Faults are bounded in time: each change lasts {@code durationSeconds} (1-600, default 60)
 *       and then clears by itself. {@code latencyMs} plus up to {@code jitterMs} (each 0-30 000)
 *       hold each chunk back in each direction, so a request and its response are delayed twice;
 *       {@code bandwidthKbps} limits each direction of each connection; {@code reset} resets the
 *       open connections and every new one; {@code blackhole} drops what both sides send, and
 *       resets the connections it dropped bytes of when it ends.
 *   <li>Bounded: at most 256 open connections per route (more are reset as they arrive), two named
 *       threads and two 16 KiB buffers per connection, a connection half-closed and silent for 60 s
 *       closed.
 *   <li>Thread-safe: fault changes are serialized per route and applied to the open connections
 *       before the admin API answers; the admin port always answers, whatever the faults.
 * </ul>
 *
 * <p>Failure behaviour of the process ({@link SimulatorProcess}): bad arguments, a non-loopback
 * target among them, exit with status 2 and a usage line on stderr; a port in use exits with status
 * 1 and a one-line reason on stderr. Once {@code fault proxy ready on <routes>, admin
 * 127.0.0.1:<admin-port>} is printed, SIGTERM closes every port and connection and the JVM exits
 * with the signal's status (143).
 */
public final class FaultProxy implements Simulator {

  static final String NAME = "fault proxy";
  static final ProblemTypes PROBLEMS = new ProblemTypes("urn:mercado:fault-proxy:problem:");

  /** A connection that ended one direction and then reads nothing for this long is closed. */
  static final Duration HALF_CLOSED_IDLE = Duration.ofSeconds(60);

  private static final SimulatorProcess PROCESS =
      new SimulatorProcess(NAME, FaultProxy.class, CommandLine.ADMIN_PORT);
  private static final int ADMIN_THREADS = 4;
  private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(5);

  private final List<Route> routes;
  private final HttpListener admin;
  private final ExecutorService adminThreads;
  private final ScheduledThreadPoolExecutor timer;

  private FaultProxy(
      List<Route> routes,
      HttpListener admin,
      ExecutorService adminThreads,
      ScheduledThreadPoolExecutor timer) {
    this.routes = routes;
    this.admin = admin;
    this.adminThreads = adminThreads;
    this.timer = timer;
  }

  /**
   * Starts a proxy in this JVM without faults; every port listens when it returns.
   *
   * @param adminPort the admin port, or 0 for a free one
   * @param specs the routes, with different names and ports
   * @throws java.net.BindException naming the port if a port is in use; nothing is left open
   */
  static FaultProxy start(int adminPort, List<RouteSpec> specs) throws IOException {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "proxy-timer");
              thread.setDaemon(true);
              return thread;
            });
    // every change of faults cancels the previous expiry: do not keep them queued for 10 minutes
    timer.setRemoveOnCancelPolicy(true);
    List<Route> routes = new ArrayList<>();
    for (RouteSpec spec : specs) {
      routes.add(new Route(spec, Clock.systemUTC(), timer));
    }
    ExecutorService adminThreads = HttpListener.threads("proxy-admin", ADMIN_THREADS);
    HttpListener admin = new HttpListener("admin", adminPort, new AdminApi(routes), adminThreads);
    FaultProxy proxy = new FaultProxy(routes, admin, adminThreads, timer);
    try {
      for (Route route : routes) {
        route.open();
      }
      admin.open();
    } catch (IOException | RuntimeException e) {
      proxy.close();
      throw e;
    }
    timer.scheduleWithFixedDelay(
        proxy::sweep, SWEEP_INTERVAL.toMillis(), SWEEP_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    return proxy;
  }

  /** The port of the admin API. */
  public int adminPort() {
    return admin.port();
  }

  /**
   * {@code 127.0.0.1:18090 (payments -> 127.0.0.1:8090), 127.0.0.1:18091 (orders ->
   * 127.0.0.1:8081), admin 127.0.0.1:18099}.
   */
  @Override
  public String listensOn() {
    return routes.stream().map(Route::describe).collect(Collectors.joining(", "))
        + ", admin "
        + Simulator.address(adminPort());
  }

  /** Closes every port and connection at once. Idempotent. */
  @Override
  public void close() {
    admin.close();
    for (Route route : routes) {
      route.close();
    }
    timer.shutdownNow();
    adminThreads.shutdownNow();
  }

  private void sweep() {
    for (Route route : routes) {
      route.sweep(HALF_CLOSED_IDLE);
    }
  }

  /**
   * Starts the proxy, prints the ready line and blocks until SIGTERM. On bad arguments or a port in
   * use it does not return: it exits the JVM with the status described above.
   *
   * @param args {@code --admin-port <n>} and at least one {@code --route
   *     <name>=<listen-port>:<target-host>:<target-port>}
   */
  public static void main(String[] args) {
    CommandLine commandLine;
    try {
      commandLine = CommandLine.parse(args);
    } catch (IllegalArgumentException e) {
      // as the kit reports bad ports, with the routes its usage line does not know of
      System.err.println(FaultProxy.class.getSimpleName() + ": " + e.getMessage());
      System.err.println(PROCESS.usage() + " " + CommandLine.ROUTES_USAGE);
      System.exit(SimulatorProcess.EXIT_USAGE);
      return;
    }
    // the routes are valid by now, so the kit's own parsing of the admin port cannot fail
    PROCESS.run(
        new String[] {"--admin-port", Integer.toString(commandLine.adminPort())},
        ports -> start(ports[0], commandLine.routes()));
  }
}
