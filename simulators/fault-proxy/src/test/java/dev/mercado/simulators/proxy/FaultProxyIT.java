package dev.mercado.simulators.proxy;

import static dev.mercado.simulators.testkit.SimulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.mercado.simulators.kit.ProblemTypes;
import dev.mercado.simulators.kit.SimulatorProcess;
import dev.mercado.simulators.testkit.FreePorts;
import dev.mercado.simulators.testkit.SimulatorHttp;
import dev.mercado.simulators.testkit.SimulatorJvm;
import dev.mercado.simulators.testkit.SimulatorJvm.Exit;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class FaultProxyIT {

  // spelled out, not taken from the main code: clients depend on these types
  private static final ProblemTypes PROBLEMS = new ProblemTypes("urn:mercado:fault-proxy:problem:");
  private static final SimulatorJvm JVM =
      new SimulatorJvm(FaultProxy.class, Path.of("target", "fault-proxy-it"));
  private static final int READ_TIMEOUT_MS = 5_000;
  // what a loaded two-core CI machine may add to a delay on top of what the faults ask for
  private static final Duration SLACK = Duration.ofMillis(400);

  private static EchoServer echo;
  private static HttpServer web;
  private static int adminPort;
  private static int echoPort;
  private static int webPort;
  private static int countedPort;
  private static int limitedPort;
  private static SimulatorJvm.Running proxy;
  private static SimulatorHttp http;

  @BeforeAll
  static void startProxy() throws IOException {
    echo = EchoServer.start();
    web = webServer();
    int[] ports = FreePorts.take(5);
    adminPort = ports[0];
    echoPort = ports[1];
    webPort = ports[2];
    countedPort = ports[3];
    limitedPort = ports[4];
    proxy =
        JVM.start(
            List.of(
                "--admin-port",
                Integer.toString(adminPort),
                "--route",
                "echo=" + echoPort + ":127.0.0.1:" + echo.port(),
                "--route",
                "web=" + webPort + ":localhost:" + web.getAddress().getPort(),
                "--route",
                "counted=" + countedPort + ":127.0.0.1:" + echo.port(),
                "--route",
                "limited=" + limitedPort + ":127.0.0.1:" + echo.port()),
            "fault proxy ready on 127.0.0.1:"
                + echoPort
                + " (echo -> 127.0.0.1:"
                + echo.port()
                + "), ");
    http = new SimulatorHttp();
  }

  @AfterAll
  static void stopProxy() throws IOException {
    if (proxy != null) {
      proxy.stop();
    }
    if (web != null) {
      web.stop(0);
    }
    if (echo != null) {
      echo.close();
    }
  }

  @BeforeEach
  void clearFaults() {
    assertThat(admin("DELETE", "/faults", null).statusCode()).isEqualTo(200);
  }

  @Test
  void answersHealth() {
    HttpResponse<String> health = admin("GET", "/health", null);

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json(health).path("status").asString()).isEqualTo("UP");
  }

  @Test
  void passesBytesUnchangedBothWaysOnConcurrentConnections() throws Exception {
    // given
    int connections = 8;
    ExecutorService clients = Executors.newFixedThreadPool(connections);
    List<byte[]> payloads = new ArrayList<>();
    List<Future<byte[]>> echoed = new ArrayList<>();
    try {
      // when
      for (int i = 0; i < connections; i++) {
        int seed = i;
        byte[] payload = randomBytes(seed, 256 * 1024 + seed);
        payloads.add(payload);
        echoed.add(clients.submit(() -> echoThrough(echoPort, payload, seed)));
      }

      // then
      for (int i = 0; i < connections; i++) {
        assertThat(echoed.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(payloads.get(i));
      }
    } finally {
      clients.shutdownNow();
    }
    // and: every connection closed once both ends had closed their side
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(route("echo").path("openConnections").asInt()).isZero());
  }

  @Test
  void forwardsHttpRequestsAndResponses() {
    // when
    HttpResponse<String> posted =
        http.send("POST", SimulatorHttp.uri(webPort, "/echo"), "{\"order\":\"ö-42\"}");
    HttpResponse<String> got = http.send("GET", SimulatorHttp.uri(webPort, "/hello"), null);

    // then
    assertThat(posted.statusCode()).isEqualTo(200);
    assertThat(posted.body()).isEqualTo("{\"order\":\"ö-42\"}");
    assertThat(got.statusCode()).isEqualTo(200);
    assertThat(got.body()).isEqualTo("hello");
    assertThat(route("web").path("bytesUp").asLong()).isPositive();
  }

  @Test
  void holdsEachDirectionBackByTheLatencyPlusAtMostTheJitter() throws Exception {
    // given
    putFaults("echo", "{\"latencyMs\":200,\"jitterMs\":100}");

    try (Socket socket = connect(echoPort)) {
      echo.forgetArrivals();
      for (int i = 0; i < 3; i++) {
        // when
        long sent = System.nanoTime();
        socket.getOutputStream().write(i);
        long arrived = echo.nextArrival(Duration.ofSeconds(10));
        int answer = socket.getInputStream().read();
        long received = System.nanoTime();

        // then: once per direction
        assertThat(answer).isEqualTo(i);
        assertThat(Duration.ofNanos(arrived - sent))
            .isBetween(Duration.ofMillis(200), Duration.ofMillis(300).plus(SLACK));
        assertThat(Duration.ofNanos(received - sent))
            .isBetween(Duration.ofMillis(400), Duration.ofMillis(600).plus(SLACK));
      }
    }
  }

  @Test
  void delaysAnHttpCallByTheLatencyOnceEachWayHoweverTheResponseIsWritten() {
    // given: the JDK's HTTP server writes a response's headers and body separately
    putFaults("web", "{\"latencyMs\":300}");

    // when
    long started = System.nanoTime();
    HttpResponse<String> response = http.send("GET", SimulatorHttp.uri(webPort, "/hello"), null);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    // then
    assertThat(response.body()).isEqualTo("hello");
    assertThat(took).isBetween(Duration.ofMillis(600), Duration.ofMillis(600).plus(SLACK));
  }

  @Test
  void delaysAMessageWrittenInTwoPiecesOnceEachWay() throws Exception {
    // given
    putFaults("echo", "{\"latencyMs\":500}");

    try (Socket socket = connect(echoPort)) {
      // when: a peer that writes its message in two pieces, the second while the first is held
      long started = System.nanoTime();
      socket.getOutputStream().write('a');
      // shapes the input, a gap between the pieces, rather than waiting for a result
      Thread.sleep(100);
      socket.getOutputStream().write('b');
      byte[] echoed = socket.getInputStream().readNBytes(2);
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      // then: the second piece went with the first, each way
      assertThat(new String(echoed, StandardCharsets.US_ASCII)).isEqualTo("ab");
      assertThat(took).isBetween(Duration.ofMillis(1_000), Duration.ofMillis(1_000).plus(SLACK));
    }
  }

  @Test
  void limitsTheBandwidthOfEachDirection() throws Exception {
    // given: 160 kbit/s, 20 000 bytes/s
    putFaults("echo", "{\"bandwidthKbps\":160}");
    byte[] payload = randomBytes(7, 10_000);

    // when
    long started = System.nanoTime();
    byte[] echoed = echoThrough(echoPort, payload, 0);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    // then
    assertThat(echoed).isEqualTo(payload);
    assertThat(took).isBetween(Duration.ofMillis(500), Duration.ofSeconds(10));
  }

  @Test
  void resetsOpenAndNewConnections() throws Exception {
    try (Socket open = connect(echoPort)) {
      // given
      assertEchoes(open, "before");
      long resetBefore = route("echo").path("resetConnections").asLong();

      // when
      JsonNode faults = putFaults("echo", "{\"reset\":true}");

      // then: a reset, not a timeout
      assertThat(faults.path("reset").asBoolean()).isTrue();
      assertThat(catchThrowable(() -> open.getInputStream().read()))
          .isInstanceOf(SocketException.class);
      assertThat(catchThrowable(() -> connectAndRead(echoPort)))
          .isInstanceOf(SocketException.class);
      assertThat(route("echo").path("resetConnections").asLong())
          .isGreaterThanOrEqualTo(resetBefore + 2);
    }

    // and when the fault is cleared, connections pass again
    admin("DELETE", "/routes/echo/faults", null);
    try (Socket after = connect(echoPort)) {
      assertEchoes(after, "after");
    }
  }

  @Test
  void blackholesBothDirectionsAndResetsTheDamagedConnectionsWhenCleared() throws Exception {
    try (Socket open = connect(echoPort)) {
      // given
      assertEchoes(open, "before");
      long upBefore = route("echo").path("bytesUp").asLong();
      long droppedBefore = route("echo").path("bytesDropped").asLong();

      // when
      putFaults("echo", "{\"blackhole\":true}");

      // then: the open connection and a new one both time out
      open.setSoTimeout(300);
      open.getOutputStream().write("lost".getBytes(StandardCharsets.US_ASCII));
      assertThat(catchThrowable(() -> open.getInputStream().read()))
          .isInstanceOf(SocketTimeoutException.class);
      try (Socket fresh = connect(echoPort)) {
        fresh.setSoTimeout(300);
        fresh.getOutputStream().write("gone".getBytes(StandardCharsets.US_ASCII));
        assertThat(catchThrowable(() -> fresh.getInputStream().read()))
            .isInstanceOf(SocketTimeoutException.class);
        await()
            .atMost(Duration.ofSeconds(5))
            .untilAsserted(
                () ->
                    assertThat(route("echo").path("bytesDropped").asLong())
                        .isEqualTo(droppedBefore + 8));
        assertThat(route("echo").path("bytesUp").asLong()).isEqualTo(upBefore);

        // when
        admin("DELETE", "/routes/echo/faults", null);

        // then: a stream with a hole in it ends with an error, not a corrupt conversation
        open.setSoTimeout(READ_TIMEOUT_MS);
        fresh.setSoTimeout(READ_TIMEOUT_MS);
        assertThat(catchThrowable(() -> open.getInputStream().read()))
            .isInstanceOf(SocketException.class);
        assertThat(catchThrowable(() -> fresh.getInputStream().read()))
            .isInstanceOf(SocketException.class);
      }
    }
    try (Socket after = connect(echoPort)) {
      assertEchoes(after, "after");
    }
  }

  @Test
  void clearsFaultsByThemselvesAfterTheirDuration() throws Exception {
    // when
    JsonNode faults = putFaults("echo", "{\"latencyMs\":300,\"durationSeconds\":1}");

    // then
    assertThat(faults.path("active").asBoolean()).isTrue();
    assertThat(faults.path("durationSeconds").asInt()).isEqualTo(1);
    assertThat(faults.path("expiresAt").asString()).isNotBlank();
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              JsonNode now = json(admin("GET", "/routes/echo/faults", null));
              assertThat(now.path("active").asBoolean()).isFalse();
              assertThat(now.path("latencyMs").asInt()).isZero();
              assertThat(now.path("expiresAt").isNull()).isTrue();
            });
    try (Socket socket = connect(echoPort)) {
      long started = System.nanoTime();
      assertEchoes(socket, "fast again");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(300));
    }
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> assertThat(proxy.output()).contains("fault proxy faults of echo expired"));
  }

  @Test
  void clearsTheFaultsOfOneRouteOrOfAll() {
    // given
    putFaults("echo", "{\"latencyMs\":100}");
    putFaults("web", "{\"bandwidthKbps\":64}");

    // when
    HttpResponse<String> one = admin("DELETE", "/routes/echo/faults", null);

    // then
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(json(one).path("active").asBoolean()).isFalse();
    assertThat(route("echo").path("faults").path("latencyMs").asInt()).isZero();
    assertThat(route("web").path("faults").path("bandwidthKbps").asInt()).isEqualTo(64);

    // when
    HttpResponse<String> all = admin("DELETE", "/faults", null);

    // then
    assertThat(all.statusCode()).isEqualTo(200);
    for (JsonNode route : json(all).path("routes")) {
      assertThat(route.path("faults").path("active").asBoolean()).isFalse();
    }
    assertThat(route("web").path("faults").path("bandwidthKbps").asInt()).isZero();
  }

  @Test
  void changesOnlyTheFaultsGivenAndRestartsTheirBound() {
    // given
    putFaults("echo", "{\"latencyMs\":100,\"durationSeconds\":30}");

    // when
    JsonNode both = putFaults("echo", "{\"jitterMs\":50,\"durationSeconds\":120}");

    // then
    assertThat(both.path("latencyMs").asInt()).isEqualTo(100);
    assertThat(both.path("jitterMs").asInt()).isEqualTo(50);
    assertThat(both.path("durationSeconds").asInt()).isEqualTo(120);
    assertThat(json(admin("GET", "/routes/echo/faults", null))).isEqualTo(both);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"latencyMs\":30001}       | latencyMs",
        "{\"jitterMs\":-1}           | jitterMs",
        "{\"bandwidthKbps\":1000001} | bandwidthKbps",
        "{\"reset\":\"yes\"}         | reset",
        "{\"blackhole\":null}        | blackhole",
        "{\"durationSeconds\":601}   | durationSeconds",
        "{\"durationSeconds\":0}     | durationSeconds",
        "{\"chaos\":true}            | chaos"
      })
  void rejectsInvalidFaultsNamingTheFieldAndChangesNothing(String body, String field) {
    // given
    putFaults("echo", "{\"latencyMs\":5}");

    // when
    HttpResponse<String> rejected = admin("PUT", "/routes/echo/faults", body);

    // then
    assertProblem(rejected, 400);
    assertThat(json(rejected).path("type").asString())
        .isEqualTo(PROBLEMS.prefix() + "invalid-faults");
    assertThat(json(rejected).path("field").asString()).isEqualTo(field);
    assertThat(json(rejected).path("detail").asString()).contains(field);
    assertThat(route("echo").path("faults").path("latencyMs").asInt()).isEqualTo(5);
  }

  @Test
  void answersOtherBadRequestsWithProblemDetails() {
    HttpResponse<String> unknown = admin("PUT", "/routes/nowhere/faults", "{\"reset\":true}");
    assertProblem(unknown, 404);
    assertThat(json(unknown).path("type").asString())
        .isEqualTo(PROBLEMS.prefix() + "unknown-route");
    assertThat(json(unknown).path("detail").asString()).contains("echo, web, counted, limited");

    assertProblem(admin("PUT", "/routes/echo/faults", "{not json"), 400);
    assertProblem(admin("PUT", "/routes/echo/faults", "[]"), 400);
    assertProblem(admin("POST", "/routes/echo/faults", "{}"), 405);
    assertProblem(admin("GET", "/faults", null), 405);
    assertProblem(admin("GET", "/routes/echo/toxics", null), 404);
    assertProblem(admin("GET", "/nothing", null), 404);
    assertThat(route("echo").path("faults").path("active").asBoolean()).isFalse();
  }

  @Test
  void countsConnectionsAndBytesPerRoute() throws Exception {
    try (Socket socket = connect(countedPort)) {
      // when
      byte[] payload = randomBytes(3, 100);
      socket.getOutputStream().write(payload);
      assertThat(socket.getInputStream().readNBytes(100)).isEqualTo(payload);

      // then
      await()
          .atMost(Duration.ofSeconds(5))
          .untilAsserted(
              () -> {
                JsonNode counted = route("counted");
                assertThat(counted.path("bytesUp").asLong()).isEqualTo(100);
                assertThat(counted.path("bytesDown").asLong()).isEqualTo(100);
              });
      JsonNode counted = route("counted");
      assertThat(counted.path("listen").asString()).isEqualTo("127.0.0.1:" + countedPort);
      assertThat(counted.path("target").asString()).isEqualTo("127.0.0.1:" + echo.port());
      assertThat(counted.path("openConnections").asInt()).isEqualTo(1);
      assertThat(counted.path("acceptedConnections").asLong()).isEqualTo(1);
      assertThat(counted.path("maxConnections").asInt()).isEqualTo(256);
      assertThat(counted.path("faults").path("active").asBoolean()).isFalse();
      JsonNode listed = json(admin("GET", "/routes", null)).path("routes");
      assertThat(listed.findValuesAsString("name"))
          .containsExactly("echo", "web", "counted", "limited");
    }

    // and: the client's close ends the connection on both sides
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(route("counted").path("openConnections").asInt()).isZero());
  }

  @Test
  void resetsConnectionsBeyondTheLimit() throws Exception {
    List<Socket> open = new ArrayList<>();
    try {
      // given
      for (int i = 0; i < Route.MAX_CONNECTIONS; i++) {
        Socket socket = connect(limitedPort);
        open.add(socket);
        assertEchoes(socket, "#");
      }

      // when
      Throwable oneTooMany = catchThrowable(() -> connectAndRead(limitedPort));

      // then
      assertThat(oneTooMany).isInstanceOf(SocketException.class);
      JsonNode limited = route("limited");
      assertThat(limited.path("openConnections").asInt()).isEqualTo(Route.MAX_CONNECTIONS);
      assertThat(limited.path("rejectedConnections").asLong()).isEqualTo(1);
    } finally {
      for (Socket socket : open) {
        socket.close();
      }
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(route("limited").path("openConnections").asInt()).isZero());
  }

  @Test
  void refusesATargetThatIsNotLoopbackAtStart() throws Exception {
    JVM.assertExitsWithUsage(
        List.of("--admin-port", "5999", "--route", "db=15999:10.1.2.3:5432"),
        "--route db: target host '10.1.2.3' is not a loopback address");
    JVM.assertExitsWithUsage(
        List.of("--admin-port", "5999", "--route", "db=15999:example.com:5432"),
        "--route db: target host 'example.com' is not a loopback address");
  }

  @Test
  void exitsWithUsageOnBadArguments() throws Exception {
    JVM.assertExitsWithUsage(List.of("--admin-port", "5999"), "at least one --route is required");
    JVM.assertExitsWithUsage(
        List.of("--route", "a=15999:127.0.0.1:80"), "--admin-port is required");
    Exit exit = JVM.runUntilExit(List.of("--admin-port", "5999", "--route", "a=15999"));
    assertThat(exit.output())
        .contains("--route must be <name>=<listen-port>:<target-host>:<target-port>")
        .contains(
            "usage: java -cp 'fault-proxy.jar:lib/*' dev.mercado.simulators.proxy.FaultProxy"
                + " --admin-port <1-65535> --route <name>=<listen-port>:<target-host>:<target-port>");
  }

  @Test
  void refusesToStartOnAPortThatIsAlreadyInUse() throws Exception {
    // given
    int freeAdminPort = FreePorts.take(1)[0];

    // when
    Exit second =
        JVM.runUntilExit(
            List.of(
                "--admin-port",
                Integer.toString(freeAdminPort),
                "--route",
                "again=" + echoPort + ":127.0.0.1:" + echo.port()));

    // then
    assertThat(second.status()).isEqualTo(SimulatorProcess.EXIT_FAILURE);
    assertThat(second.output())
        .contains("fault proxy failed to start: route again port " + echoPort)
        .contains("already in use");
  }

  @Test
  void stopsCleanlyOnSigterm() throws Exception {
    // given
    int[] ports = FreePorts.take(2);
    SimulatorJvm.Running other =
        JVM.start(
            List.of(
                "--admin-port",
                Integer.toString(ports[0]),
                "--route",
                "echo=" + ports[1] + ":127.0.0.1:" + echo.port()),
            "fault proxy ready on 127.0.0.1:" + ports[1]);
    try (Socket client = connect(ports[1])) {
      assertEchoes(client, "hello");

      // when
      int exitCode = other.stop();

      // then
      assertThat(exitCode).as("exit status after SIGTERM").isEqualTo(143);
      assertThat(other.output()).contains("fault proxy stopped");
      Throwable ended =
          catchThrowable(() -> assertThat(client.getInputStream().read()).isEqualTo(-1));
      assertThat(ended)
          .satisfiesAnyOf(
              e -> assertThat(e).isNull(), e -> assertThat(e).isInstanceOf(SocketException.class));
    }
    assertThat(catchThrowable(() -> connect(ports[1]))).isInstanceOf(ConnectException.class);
  }

  private static HttpServer webServer() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext(
        "/",
        exchange -> {
          byte[] body;
          try (InputStream in = exchange.getRequestBody()) {
            body =
                exchange.getRequestMethod().equals("POST")
                    ? in.readAllBytes()
                    : "hello".getBytes(StandardCharsets.UTF_8);
          }
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.setExecutor(
        Executors.newFixedThreadPool(
            2,
            task -> {
              Thread thread = new Thread(task, "web-target");
              thread.setDaemon(true);
              return thread;
            }));
    server.start();
    return server;
  }

  private static Socket connect(int port) throws IOException {
    Socket socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(READ_TIMEOUT_MS);
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), READ_TIMEOUT_MS);
    return socket;
  }

  /**
   * Connects and reads one byte. A reset right after the accept may surface in either step, since
   * the connect completes asynchronously.
   */
  private static int connectAndRead(int port) throws IOException {
    try (Socket socket = connect(port)) {
      return socket.getInputStream().read();
    }
  }

  private static void assertEchoes(Socket socket, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    socket.getOutputStream().write(bytes);
    assertThat(socket.getInputStream().readNBytes(bytes.length)).isEqualTo(bytes);
  }

  /**
   * Sends the payload in random slices while reading what comes back, then half-closes and reads
   * until the echo server's end of stream.
   */
  private static byte[] echoThrough(int port, byte[] payload, long seed) throws Exception {
    try (Socket socket = connect(port)) {
      CompletableFuture<Void> written =
          CompletableFuture.runAsync(
              () -> {
                Random random = new Random(seed);
                try {
                  OutputStream out = socket.getOutputStream();
                  for (int offset = 0; offset < payload.length; ) {
                    int slice = Math.min(payload.length - offset, 1 + random.nextInt(8_192));
                    out.write(payload, offset, slice);
                    offset += slice;
                  }
                  socket.shutdownOutput();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      byte[] echoed = socket.getInputStream().readAllBytes();
      written.get(30, TimeUnit.SECONDS);
      return echoed;
    }
  }

  private static byte[] randomBytes(long seed, int length) {
    byte[] bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static JsonNode putFaults(String route, String body) {
    HttpResponse<String> response = admin("PUT", "/routes/" + route + "/faults", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private static JsonNode route(String name) {
    HttpResponse<String> response = admin("GET", "/routes/" + name, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private static HttpResponse<String> admin(String method, String path, String body) {
    return http.send(method, SimulatorHttp.uri(adminPort, path), body);
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    SimulatorHttp.assertProblem(response, status, PROBLEMS);
  }
}
