package dev.mercado.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mercado.testkit.TestIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway's guard around each service (R4, R6, F8), over real HTTP with loopback servers
 * standing in for the services: a timeout answers 504; failures open the service's breaker, which
 * then answers 503 without sending a request, and the BFF's calls to that service stop too and fall
 * back to the last known product (R12); after the wait a trial closes it again; a full bulkhead
 * refuses one request too many with 503 at once; a connection reset while the service answers (it
 * was killed) is a 503 with {@code Retry-After}, never a 500. Small windows, waits and limits for
 * this class only.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "resilience4j.circuitbreaker.instances.catalog.sliding-window-size=4",
      "resilience4j.circuitbreaker.instances.catalog.minimum-number-of-calls=4",
      "resilience4j.circuitbreaker.instances.catalog.wait-duration-in-open-state=1s",
      "resilience4j.circuitbreaker.instances.catalog.permitted-number-of-calls-in-half-open-state=1",
      "resilience4j.timelimiter.instances.orders.timeout-duration=500ms",
      "resilience4j.bulkhead.instances.payments.max-concurrent-calls=1",
      // the breaker, not the load balancer's ejection of the one instance, is under test here
      "mercado.gateway.outliers.consecutive-failures=1000"
    })
class GatewayResilienceIT {

  private static final LoopbackServers.Upstream catalog = LoopbackServers.upstream();
  private static final LoopbackServers.Upstream orders = LoopbackServers.upstream();
  private static final LoopbackServers.Upstream payments = LoopbackServers.upstream();

  /**
   * Reads each request, then resets the connection (SO_LINGER 0), as a killed process does; its
   * readiness answers UP, so the gateway's load balancer still picks it.
   */
  private static final ServerSocket resetting = resettingServer();

  private static final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Value("${local.server.port}")
  private int port;

  @DynamicPropertySource
  static void instances(DynamicPropertyRegistry registry) {
    // orders and payments need a token at the gateway: the test calls as an operator
    registry.add("mercado.gateway.identity-url", () -> TestIdentity.get().url());
    registry.add("spring.cloud.discovery.client.simple.instances.catalog[0].uri", catalog::uri);
    registry.add("spring.cloud.discovery.client.simple.instances.orders[0].uri", orders::uri);
    registry.add("spring.cloud.discovery.client.simple.instances.payments[0].uri", payments::uri);
    registry.add(
        "spring.cloud.discovery.client.simple.instances.notifications[0].uri",
        () -> "http://127.0.0.1:" + resetting.getLocalPort());
  }

  private static ServerSocket resettingServer() {
    try {
      ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread acceptor =
          new Thread(
              () -> {
                while (!server.isClosed()) {
                  try (Socket connection = server.accept()) {
                    byte[] request = new byte[8192];
                    int read = connection.getInputStream().read(request);
                    if (read > 0
                        && new String(request, 0, read, StandardCharsets.US_ASCII)
                            .startsWith("GET /actuator/health")) {
                      connection
                          .getOutputStream()
                          .write(
                              ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                      + "Content-Length: 15\r\nConnection: close\r\n\r\n"
                                      + "{\"status\":\"UP\"}")
                                  .getBytes(StandardCharsets.US_ASCII));
                    } else {
                      connection.setSoLinger(true, 0);
                    }
                  } catch (IOException closed) {
                    // the server was closed after the tests, or the gateway went first
                  }
                }
              },
              "resetting-upstream");
      acceptor.setDaemon(true);
      acceptor.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void stopUpstreams() {
    List.of(catalog, orders, payments).forEach(LoopbackServers.Upstream::stop);
    try {
      resetting.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void answers504WhenTheServiceDoesNotAnswerWithinItsTimeout() throws Exception {
    String slow = "/api/v1/orders/" + UUID.randomUUID();
    orders.answerAfter(slow, Duration.ofSeconds(5), "{}");

    HttpResponse<String> response = get(slow);

    assertProblem(response, 504);
    assertThat(response.body()).contains("did not answer in time");
  }

  @Test
  void answers503WithRetryAfterWhenTheServiceResetsTheConnectionWhileAnswering() throws Exception {
    // a service killed mid-request: its outcome is unknown, so the client is told to repeat (R7)
    HttpResponse<String> response = get("/api/v1/notifications?orderId=" + UUID.randomUUID());

    assertProblem(response, 503);
    assertThat(response.body()).contains("went away while answering");
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void opensTheBreakerOnFailuresStopsCallingThenClosesAfterATrial() throws Exception {
    UUID mug = UUID.randomUUID();
    String product = "/api/v1/catalog/products/" + mug;
    String broken = "/api/v1/catalog/products/" + UUID.randomUUID();
    catalog.answer(product, 200, "{\"id\":\"" + mug + "\",\"name\":\"Mug\",\"availableStock\":3}");
    assertThat(get("/api/v1/bff/products/" + mug).statusCode()).isEqualTo(200);
    catalog.drop(broken);

    // the window is 4 calls; the product page's call was a success, so 4 failures are needed
    for (int i = 0; i < 4; i++) {
      assertThat(get(broken).statusCode()).isGreaterThanOrEqualTo(500);
    }
    int sent = catalog.received(broken).size();
    HttpResponse<String> open = get(broken);
    HttpResponse<String> page = get("/api/v1/bff/products/" + mug);

    assertProblem(open, 503);
    assertThat(open.body()).contains("stopped calling it");
    assertThat(open.headers().firstValue("Retry-After")).isPresent();
    assertThat(catalog.received(broken)).hasSize(sent);
    assertThat(catalog.received(product)).hasSize(1);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("\"stale\":true");
    assertThat(get("/actuator/circuitbreakers").body()).contains("\"catalog\":{").contains("OPEN");

    // after the wait one trial call goes through; it succeeds and the breaker closes
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> get(product).statusCode() == 200);
    assertThat(get(product).statusCode()).isEqualTo(200);
    assertThat(get("/actuator/circuitbreakers").body()).doesNotContain("OPEN");
  }

  @Test
  void refusesOneRequestTooManyForABusyServiceAtOnce() throws Exception {
    String held = "/api/v1/payments?orderId=" + UUID.randomUUID();
    String other = "/api/v1/payments?orderId=" + UUID.randomUUID();
    payments.answerAfter(held, Duration.ofSeconds(2), "[]");
    payments.answer(other, 200, "[]");

    CompletableFuture<HttpResponse<String>> first = getAsync(held);
    await().atMost(Duration.ofSeconds(10)).until(() -> payments.received(held).size() == 1);
    HttpResponse<String> second = get(other);

    assertProblem(second, 503);
    assertThat(second.body()).contains("busy");
    assertThat(payments.received(other)).isEmpty();
    assertThat(first.get().statusCode()).isEqualTo(200);
    assertThat(get(other).statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(request(path), HttpResponse.BodyHandlers.ofString());
  }

  private CompletableFuture<HttpResponse<String>> getAsync(String path) {
    return http.sendAsync(request(path), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + TestIdentity.get().adminToken())
        .timeout(Duration.ofSeconds(15))
        .build();
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("\"status\":" + status).doesNotContain("Exception");
  }
}
