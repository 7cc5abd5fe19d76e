package dev.mercado.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./mercado up}: runs the {@link Topology} stage by stage, gates every component on its
 * readiness, prints the status table and stays in the foreground until Ctrl-C or {@code ./mercado
 * down}, then stops everything in reverse order. A component that dies during start-up makes the
 * whole start fail with the end of its log.
 */
final class Launcher {

  static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  /**
   * How long a process may take to exit after SIGTERM before it is killed. Most exit within a few
   * seconds; the first stop after a build is longer, because each service then writes its
   * class-data archive (ClassDataSharing): five of them at once took more than 20 s here.
   */
  static final Duration STOP_GRACE = Duration.ofSeconds(60);

  private final Settings settings;
  private final Console console;
  private final Set<String> stoppedOnPurpose = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
  private Topology topology;
  private HttpServer control;

  Launcher(Settings settings, Console console) {
    this.settings = settings;
    this.console = console;
  }

  int up() throws Exception {
    Path home = settings.home();
    var previous = RunState.read(home);
    if (previous.isPresent() && previous.get().launcherAlive()) {
      console.line(
          "Mercado is already running (launcher pid "
              + previous.get().launcherPid()
              + "). Use ./mercado status or ./mercado down.");
      return 2;
    }
    previous.ifPresent(this::stopLeftovers);
    if (settings.clean()) {
      Directories.deleteRecursively(home.resolve("data"));
      Files.deleteIfExists(home.resolve("ports.properties"));
      if (settings.localInfra()) {
        for (String service : Topology.DATABASE_OWNERS) {
          Topology.LOCAL_POSTGRES.drop(service);
        }
      }
      console.progress("--clean: removed the data of earlier runs");
    }
    topology = Topology.of(settings, token);
    startControlServer();
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "mercado-stop"));
    console.progress(
        "starting Mercado ("
            + (settings.localInfra()
                ? "this machine's PostgreSQL, RabbitMQ and Redis"
                : "embedded infrastructure")
            + ") in "
            + Console.relative(home.toString()));
    try {
      for (Topology.Stage stage : topology.stages()) {
        startStage(stage);
      }
    } catch (Exception e) {
      console.line("");
      console.line("START FAILED: " + e.getMessage());
      console.line("Stopping what was started.");
      stopAll();
      return 1;
    }
    console.line("");
    printTable(RunState.of(ProcessHandle.current().pid(), 0, token, topology.components()));
    console.line("");
    console.progress(
        "all healthy in "
            + String.format("%.1f s", console.elapsedSeconds())
            + ". Catalogue: "
            + topology.components().stream()
                .filter(c -> c.name().equals("gateway"))
                .findFirst()
                .map(gateway -> gateway.url() + "/api/v1/catalog/products")
                .orElse("-")
            + "  (Ctrl-C or ./mercado down stops everything)");
    watchUntilStopped();
    return 0;
  }

  private void startStage(Topology.Stage stage) throws Exception {
    console.progress("stage " + stage.name() + ": " + names(stage.components()));
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(settings.parallelism(), stage.startTogether()));
    try {
      List<Future<?>> started = new ArrayList<>();
      for (Component component : stage.components()) {
        started.add(pool.submit(() -> startOne(component)));
      }
      for (Future<?> future : started) {
        try {
          future.get();
        } catch (ExecutionException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
    } finally {
      // a failed stage must not leave a start running behind stopAll's back
      pool.shutdownNow();
      if (!pool.awaitTermination(2, TimeUnit.MINUTES)) {
        console.progress("  a start of stage " + stage.name() + " did not finish in time");
      }
    }
  }

  private Void startOne(Component component) throws Exception {
    if (stopping.get()) {
      return null;
    }
    long begin = System.nanoTime();
    console.progress("  starting " + component.name() + " …");
    component.start();
    writeState();
    Readiness.await(component, START_TIMEOUT);
    console.progress(
        String.format("  %s ready in %.1f s", component.name(), (System.nanoTime() - begin) / 1e9));
    return null;
  }

  private static String names(List<Component> components) {
    return String.join(", ", components.stream().map(Component::name).toList());
  }

  private void watchUntilStopped() throws InterruptedException {
    Set<String> reported = ConcurrentHashMap.newKeySet();
    ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
    watcher.scheduleWithFixedDelay(
        () -> {
          for (Component component : topology.components()) {
            if (!stopping.get()
                && !component.alive()
                && !stoppedOnPurpose.contains(component.name())
                && reported.add(component.name())) {
              console.progress(
                  "! "
                      + component.name()
                      + " exited unexpectedly; last lines of its log:\n"
                      + Readiness.tail(component.logFile().orElse(null), 15));
            }
            if (component.alive()) {
              reported.remove(component.name());
            }
          }
        },
        1,
        1,
        TimeUnit.SECONDS);
    stopped.await();
    watcher.shutdownNow();
  }

  /** Stops every component, edge first and infrastructure last. Runs once. */
  private void stopAll() {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    console.progress("stopping …");
    List<Topology.Stage> reversed =
        new ArrayList<>(topology == null ? List.of() : topology.stages());
    Collections.reverse(reversed);
    for (Topology.Stage stage : reversed) {
      // one thread each, so every component of a stage is asked to stop at the same moment: the
      // nodes of a Kafka cluster hand over and leave together while they still have a quorum (a
      // node told last, alone, waited for a controller that had gone)
      List<Thread> stoppers = new ArrayList<>();
      for (Component component : stage.components()) {
        Thread stopper = new Thread(() -> stopQuietly(component), "stop-" + component.name());
        stopper.start();
        stoppers.add(stopper);
      }
      for (Thread stopper : stoppers) {
        try {
          stopper.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    if (control != null) {
      control.stop(0);
    }
    try {
      RunState.delete(settings.home());
    } catch (IOException e) {
      console.progress("could not delete the run state: " + e.getMessage());
    }
    console.progress("stopped.");
    stopped.countDown();
  }

  private void stopQuietly(Component component) {
    try {
      component.stop(STOP_GRACE);
    } catch (RuntimeException e) {
      console.progress("  could not stop " + component.name() + ": " + e.getMessage());
    }
  }

  /** Processes recorded by a launcher that was killed: stop them before starting new ones. */
  private void stopLeftovers(RunState previous) {
    previous.entries().stream()
        .filter(entry -> entry.pid() > 0)
        .filter(entry -> ProcessHandle.of(entry.pid()).map(ProcessHandle::isAlive).orElse(false))
        .forEach(
            entry -> {
              console.progress("stopping " + entry.name() + " left over by an earlier run");
              Processes.terminate(entry.pid(), STOP_GRACE);
            });
  }

  private synchronized void writeState() throws IOException {
    RunState.of(
            ProcessHandle.current().pid(),
            control.getAddress().getPort(),
            token,
            topology.components())
        .write(settings.home());
  }

  void printTable(RunState state) {
    console.table(rows(state));
  }

  static List<Console.Row> rows(RunState state) {
    return state.entries().parallelStream()
        .map(
            entry -> {
              boolean alive =
                  !entry.managed()
                      || ProcessHandle.of(entry.pid()).map(ProcessHandle::isAlive).orElse(false);
              Probe.Result result = Probe.check(entry.probe());
              String health =
                  !alive ? "STOPPED" : result.ready() ? "UP" : "DOWN (" + result.detail() + ")";
              // a Kafka broker's detail names the partitions it leads
              String checks =
                  !alive
                      ? "-"
                      : entry.kind().equals("service")
                          ? HealthChecks.of(entry.probe(), state.token())
                          : result.ready() && entry.probe().startsWith("kafka:")
                              ? result.detail()
                              : "-";
              return new Console.Row(
                  entry.name(),
                  entry.kind(),
                  entry.url(),
                  health,
                  entry.pid() == 0 ? "-" : Long.toString(entry.pid()),
                  Console.relative(entry.log()),
                  checks);
            })
        .toList();
  }

  // --- control: ./mercado stop X | start X talk to the running launcher over loopback ---

  private void startControlServer() throws IOException {
    control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    control.createContext("/", this::handleControl);
    control.setExecutor(Executors.newSingleThreadExecutor());
    control.start();
  }

  private void handleControl(HttpExchange exchange) throws IOException {
    try (exchange) {
      String[] path = exchange.getRequestURI().getPath().split("/");
      if (!token.equals(exchange.getRequestHeaders().getFirst("X-Mercado-Token"))) {
        respond(exchange, 403, "bad token");
        return;
      }
      if (!"POST".equals(exchange.getRequestMethod()) || path.length != 3) {
        respond(exchange, 404, "POST /stop/NAME or /start/NAME");
        return;
      }
      var component =
          topology.components().stream().filter(c -> c.name().equals(path[2])).findFirst();
      if (component.isEmpty()) {
        respond(
            exchange, 404, "no component " + path[2] + "; known: " + names(topology.components()));
        return;
      }
      switch (path[1]) {
        case "stop" -> {
          if (component.get() instanceof ExternalServer) {
            respond(exchange, 409, component.get().name() + " is this machine's server, not ours");
            return;
          }
          stoppedOnPurpose.add(component.get().name());
          component.get().stop(STOP_GRACE);
          console.progress(component.get().name() + " stopped on request");
          writeState();
          respond(exchange, 200, component.get().name() + " stopped");
        }
        case "start" -> {
          if (component.get().alive() && component.get().pid().isPresent()) {
            respond(exchange, 409, component.get().name() + " is already running");
            return;
          }
          startOne(component.get());
          stoppedOnPurpose.remove(component.get().name());
          respond(exchange, 200, component.get().name() + " ready");
        }
        default -> respond(exchange, 404, "POST /stop/NAME or /start/NAME");
      }
    } catch (Exception e) {
      respond(exchange, 500, e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
