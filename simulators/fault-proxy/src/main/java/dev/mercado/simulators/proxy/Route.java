package dev.mercado.simulators.proxy;

import static dev.mercado.simulators.proxy.FaultProxy.PROBLEMS;

import dev.mercado.simulators.kit.FaultChanges;
import dev.mercado.simulators.kit.Simulator;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.databind.JsonNode;

/**
 * One route of the proxy: a listening port on {@link Simulator#BIND_ADDRESS}, the connections it
 * accepted and forwards to the target, their counters, and the route's faults. Thread-safe: fault
 * changes, expiries and admissions of new connections are serialized, so that a connection is
 * either admitted under the old faults and then subject to the change, or admitted under the new.
 */
final class Route {

  /** The most connections a route holds open at once; more are reset as they arrive. */
  static final int MAX_CONNECTIONS = 256;

  private static final int BACKLOG = 128;
  private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration UNREACHABLE_LOG_INTERVAL = Duration.ofSeconds(10);

  private final RouteSpec spec;
  private final RouteFaults faults;
  private final ScheduledExecutorService timer;
  private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
  private final AtomicLong connectionIds = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong reset = new AtomicLong();
  private final LongAdder bytesUp = new LongAdder();
  private final LongAdder bytesDown = new LongAdder();
  private final LongAdder bytesDropped = new LongAdder();
  private final AtomicLong nextUnreachableLog = new AtomicLong(System.nanoTime());
  private volatile int port;
  private ServerSocket server;
  private Thread acceptor;
  private ScheduledFuture<?> expiry;

  /**
   * Does not listen yet: see {@link #open()}.
   *
   * @param timer runs the expiry of the faults; shared by all routes
   */
  Route(RouteSpec spec, Clock clock, ScheduledExecutorService timer) {
    this.spec = spec;
    this.faults = new RouteFaults(clock);
    this.timer = timer;
    this.port = spec.listenPort();
  }

  /**
   * Starts listening and accepting.
   *
   * @throws BindException naming the route, the port and the reason if it cannot listen, typically
   *     because another process holds the port
   */
  synchronized void open() throws IOException {
    ServerSocket socket = new ServerSocket();
    try {
      socket.setReuseAddress(true);
      socket.bind(
          new InetSocketAddress(InetAddress.getByName(Simulator.BIND_ADDRESS), spec.listenPort()),
          BACKLOG);
    } catch (IOException e) {
      socket.close();
      BindException named =
          new BindException(
              "route "
                  + spec.name()
                  + " port "
                  + spec.listenPort()
                  + " on "
                  + Simulator.BIND_ADDRESS
                  + " cannot listen ("
                  + e.getMessage()
                  + ")");
      named.initCause(e);
      throw named;
    }
    server = socket;
    port = socket.getLocalPort();
    acceptor = new Thread(this::accept, threadName("accept"));
    acceptor.setDaemon(true);
    acceptor.start();
  }

  String name() {
    return spec.name();
  }

  /** {@code 127.0.0.1:18090 (payments -> 127.0.0.1:8090)}. */
  String describe() {
    return Simulator.address(port) + " (" + spec.name() + " -> " + spec.targetText() + ")";
  }

  /** The faults now. */
  ActiveFaults faults() {
    return faults.current();
  }

  /**
   * Changes the faults the body names, keeps the others, and bounds them all by the body's {@code
   * durationSeconds} (60 s if absent) from now. Applies them to the open connections before it
   * returns: {@code reset} resets them all, the end of {@code blackhole} closes those that dropped
   * bytes.
   *
   * @throws dev.mercado.simulators.kit.ProblemException 400 naming the field for an unknown field,
   *     a wrong type or a value out of bounds; the faults are unchanged then
   */
  synchronized ActiveFaults change(JsonNode body) {
    FaultChanges changes = FaultChanges.of(body, Faults.FIELDS, PROBLEMS);
    Faults before = faults.lastSet();
    Faults next = faults.faults().with(changes);
    Duration duration = Faults.duration(changes);
    long version = faults.set(next, duration);
    if (expiry != null) {
      expiry.cancel(false);
      expiry = null;
    }
    if (next.any()) {
      expiry = timer.schedule(() -> expire(version), duration.toMillis(), TimeUnit.MILLISECONDS);
    }
    apply(before, next);
    ActiveFaults now = faults.current();
    System.out.println(FaultProxy.NAME + " faults of " + spec.name() + ": " + now.toJson());
    return now;
  }

  /** Clears the faults, closing the connections that dropped bytes in a blackhole. */
  synchronized ActiveFaults clearFaults() {
    Faults before = faults.lastSet();
    faults.clear();
    if (expiry != null) {
      expiry.cancel(false);
      expiry = null;
    }
    apply(before, Faults.NONE);
    if (before.any()) {
      System.out.println(FaultProxy.NAME + " faults of " + spec.name() + " cleared");
    }
    return ActiveFaults.NONE;
  }

  private synchronized void expire(long version) {
    Faults expired = faults.expire(version);
    if (expired == null) {
      return;
    }
    expiry = null;
    apply(expired, Faults.NONE);
    System.out.println(FaultProxy.NAME + " faults of " + spec.name() + " expired");
  }

  private void apply(Faults before, Faults next) {
    if (next.reset()) {
      for (Connection connection : connections) {
        connection.reset();
        reset.incrementAndGet();
      }
    } else if (before.blackhole() && !next.blackhole()) {
      // their byte streams have holes: better an error for both ends than a corrupt conversation
      for (Connection connection : connections) {
        connection.closeIfDropped();
      }
    }
  }

  /** The route as {@code GET /routes} shows it. */
  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", spec.name());
    json.put("listen", Simulator.address(port));
    json.put("target", spec.targetText());
    json.put("openConnections", connections.size());
    json.put("maxConnections", MAX_CONNECTIONS);
    json.put("acceptedConnections", accepted.get());
    json.put("rejectedConnections", rejected.get());
    json.put("resetConnections", reset.get());
    json.put("bytesUp", bytesUp.sum());
    json.put("bytesDown", bytesDown.sum());
    json.put("bytesDropped", bytesDropped.sum());
    json.put("faults", faults.current().toJson());
    return json;
  }

  /**
   * Stops listening, closes every connection and waits briefly for the acceptor to end. Idempotent.
   */
  void close() {
    ServerSocket socket;
    Thread accepting;
    synchronized (this) {
      socket = server;
      accepting = acceptor;
      server = null;
      acceptor = null;
      if (expiry != null) {
        expiry.cancel(false);
        expiry = null;
      }
    }
    if (socket == null) {
      return;
    }
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
    join(accepting);
    for (Connection connection : List.copyOf(connections)) {
      connection.close();
    }
  }

  /**
   * Closes the connections that have been half-closed and silent for longer than {@code idle}, and
   * those a past blackhole left with holes; see {@link Connection#sweep}.
   */
  void sweep(Duration idle) {
    long now = System.nanoTime();
    for (Connection connection : connections) {
      connection.sweep(now, idle);
    }
  }

  // for the connections

  RouteFaults faultState() {
    return faults;
  }

  InetSocketAddress target() {
    return spec.target();
  }

  String threadName(String suffix) {
    return "proxy-" + spec.name() + "-" + suffix;
  }

  void forwarded(boolean up, int bytes) {
    (up ? bytesUp : bytesDown).add(bytes);
  }

  void dropped(int bytes) {
    bytesDropped.add(bytes);
  }

  /**
   * Reports that the target refused or timed out a connection, at most once every 10 s, so that a
   * client retrying against a stopped dependency does not flood stderr.
   */
  void unreachable(IOException e) {
    long now = System.nanoTime();
    long next = nextUnreachableLog.get();
    if (now - next >= 0
        && nextUnreachableLog.compareAndSet(next, now + UNREACHABLE_LOG_INTERVAL.toNanos())) {
      System.err.println(
          FaultProxy.NAME
              + ": route "
              + spec.name()
              + " cannot reach "
              + spec.targetText()
              + ", resetting the client: "
              + e.getMessage());
    }
  }

  void closed(Connection connection) {
    connections.remove(connection);
  }

  private void accept() {
    ServerSocket socket;
    synchronized (this) {
      socket = server;
    }
    while (!socket.isClosed()) {
      Socket client;
      try {
        client = socket.accept();
      } catch (IOException e) {
        if (socket.isClosed()) {
          return;
        }
        // out of file descriptors, say: report it and give the system a moment
        System.err.println(FaultProxy.NAME + ": route " + spec.name() + " cannot accept: " + e);
        pause();
        continue;
      }
      admit(client);
    }
  }

  private void admit(Socket client) {
    Connection connection;
    boolean blackhole;
    synchronized (this) {
      Faults now = faults.faults();
      if (now.reset()) {
        reset.incrementAndGet();
        Connection.resetQuietly(client);
        return;
      }
      if (connections.size() >= MAX_CONNECTIONS) {
        rejected.incrementAndGet();
        Connection.resetQuietly(client);
        return;
      }
      accepted.incrementAndGet();
      connection = new Connection(this, connectionIds.incrementAndGet(), client);
      connections.add(connection);
      blackhole = now.blackhole();
    }
    try {
      client.setTcpNoDelay(true);
    } catch (SocketException e) {
      connection.reset();
      return;
    }
    connection.start(blackhole);
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void join(Thread thread) {
    if (thread == null || thread == Thread.currentThread()) {
      return;
    }
    try {
      thread.join(JOIN_TIMEOUT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
