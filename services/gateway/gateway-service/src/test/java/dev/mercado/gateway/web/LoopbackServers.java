package dev.mercado.gateway.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** Real HTTP servers on loopback standing in for the gateway's upstreams in its tests. */
final class LoopbackServers {

  private LoopbackServers() {}

  /** An upstream that answers 200 {@code "<name> saw <path and query>"} to everything. */
  static HttpServer echo(String name) {
    return serve("/", "text/plain", uri -> name + " saw " + uri);
  }

  /** Answers 200 with {@code body(request URI)} under {@code context}. */
  static HttpServer serve(String context, String contentType, Function<String, String> body) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          context,
          exchange -> {
            byte[] bytes =
                body.apply(exchange.getRequestURI().toString()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
          });
      return start(server);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Starts a server whose exchanges run on threads of their own, not on the single dispatcher
   * thread that also accepts connections and watches idle ones.
   */
  static HttpServer start(HttpServer server) {
    server.setExecutor(
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "loopback-server");
              thread.setDaemon(true);
              return thread;
            }));
    server.start();
    return server;
  }

  /** An upstream whose answers the test sets per request, ready until told otherwise. */
  static Upstream upstream() {
    return new Upstream();
  }

  /** A loopback port nobody listens on: bound, then released. */
  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /**
   * A stand-in for one instance of a service: answers each path and query the test set, with a
   * status and JSON, after a delay, or by dropping the connection as a crashed process does;
   * anything else is 404 problem details. Its readiness ({@code /actuator/health/**}) answers 200,
   * so the gateway's probes keep it in rotation. Remembers the headers of every request.
   */
  static final class Upstream {

    private record Answer(int status, String json, Duration delay, boolean drop) {}

    private final HttpServer server;
    private final ScheduledExecutorService later =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "loopback-upstream-delays");
              thread.setDaemon(true);
              return thread;
            });
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, List<String>>>> received = new ConcurrentHashMap<>();

    private Upstream() {
      try {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      server.createContext("/", this::handle);
      start(server);
    }

    /** Answers {@code pathAndQuery} with {@code status} and {@code json} from now on. */
    Upstream answer(String pathAndQuery, int status, String json) {
      answers.put(pathAndQuery, new Answer(status, json, Duration.ZERO, false));
      return this;
    }

    /** Answers {@code pathAndQuery} with 200 and {@code json}, but only after {@code delay}. */
    Upstream answerAfter(String pathAndQuery, Duration delay, String json) {
      answers.put(pathAndQuery, new Answer(200, json, delay, false));
      return this;
    }

    /** Closes the connection of every request for {@code pathAndQuery} without an answer. */
    Upstream drop(String pathAndQuery) {
      answers.put(pathAndQuery, new Answer(0, "", Duration.ZERO, true));
      return this;
    }

    /** The headers of each request for {@code pathAndQuery} so far. */
    List<Map<String, List<String>>> received(String pathAndQuery) {
      return received.getOrDefault(pathAndQuery, List.of());
    }

    String uri() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void stop() {
      server.stop(0);
      later.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
      String request = exchange.getRequestURI().toString();
      if (request.startsWith("/actuator/health")) {
        respond(exchange, new Answer(200, "{\"status\":\"UP\"}", Duration.ZERO, false));
        return;
      }
      received
          .computeIfAbsent(request, ignored -> new CopyOnWriteArrayList<>())
          .add(Map.copyOf(exchange.getRequestHeaders()));
      Answer answer =
          answers.getOrDefault(
              request,
              new Answer(
                  404,
                  "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}",
                  Duration.ZERO,
                  false));
      if (answer.drop()) {
        // closing an exchange before its response headers closes the connection
        exchange.close();
      } else if (answer.delay().isZero()) {
        respond(exchange, answer);
      } else {
        // answered later from another thread: the server's own thread stays free for others
        later.schedule(
            () -> {
              try {
                respond(exchange, answer);
              } catch (IOException gone) {
                // the gateway gave up waiting and closed the connection: nothing to answer
              }
            },
            answer.delay().toMillis(),
            TimeUnit.MILLISECONDS);
      }
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
      byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
      exchange
          .getResponseHeaders()
          .set(
              "Content-Type",
              answer.status() >= 400 ? "application/problem+json" : "application/json");
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    }
  }
}
