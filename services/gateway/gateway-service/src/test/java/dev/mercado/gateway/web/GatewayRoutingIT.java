package dev.mercado.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.mercado.testkit.TestIdentity;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway routes each context's versioned path to its service over real HTTP, unchanged, and
 * answers what it cannot route with problem details. The upstream here is a plain HTTP server
 * standing in for catalog; the system test routes to the real services.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingIT {

  private static final HttpServer catalog = LoopbackServers.echo("catalog");
  private static final HttpClient http =
      HttpClient.newBuilder()
          // the gateway speaks HTTP/1.1: no h2c upgrade attempt on each new connection
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Value("${local.server.port}")
  private int port;

  @DynamicPropertySource
  static void routes(DynamicPropertyRegistry registry) throws IOException {
    // orders and payments need a token at the gateway: the test calls as an operator
    registry.add("mercado.gateway.identity-url", () -> TestIdentity.get().url());
    registry.add(
        "spring.cloud.discovery.client.simple.instances.catalog[0].uri",
        () -> "http://127.0.0.1:" + catalog.getAddress().getPort());
    int closed = LoopbackServers.closedPort();
    registry.add(
        "spring.cloud.discovery.client.simple.instances.orders[0].uri",
        () -> "http://127.0.0.1:" + closed);
  }

  @AfterAll
  static void stopUpstream() {
    catalog.stop(0);
  }

  @Test
  void routesAContextPathToItsServiceUnchanged() throws Exception {
    HttpResponse<String> response = get("/api/v1/catalog/products?page=1");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("catalog saw /api/v1/catalog/products?page=1");
  }

  @Test
  void routesBothVersionsOfCatalogsApiToCatalog() throws Exception {
    HttpResponse<String> v1 = get("/api/v1/catalog/products/42");
    HttpResponse<String> v2 = get("/api/v2/catalog/products/42");

    assertThat(v1.statusCode()).isEqualTo(200);
    assertThat(v1.body()).isEqualTo("catalog saw /api/v1/catalog/products/42");
    assertThat(v2.statusCode()).isEqualTo(200);
    assertThat(v2.body()).isEqualTo("catalog saw /api/v2/catalog/products/42");
  }

  @Test
  void answers503ProblemWhenTheServiceIsDown() throws Exception {
    HttpResponse<String> response = get("/api/v1/orders/anything");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("\"status\":503").doesNotContain("Exception");
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void answers404ProblemWhenNoRouteMatches() throws Exception {
    HttpResponse<String> response = get("/api/v1/nowhere/at-all");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("\"instance\":\"/api/v1/nowhere/at-all\"");
  }

  @Test
  void answersAnEncodedTraversalOrNulInThePathWithA400Problem() throws Exception {
    for (String path : List.of("/api/v1/orders/..%2F..%2Fx", "/api/v1/orders/%00")) {
      HttpResponse<String> response = get(path);

      assertThat(response.statusCode()).as(path).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .as(path)
          .hasValue("application/problem+json");
      assertThat(response.body())
          .as(path)
          .contains("\"status\":400", "\"title\":\"Bad Request\"")
          .doesNotContain("Exception");
    }
  }

  @Test
  void isReadyAndAlive() throws Exception {
    assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + TestIdentity.get().adminToken())
            .timeout(Duration.ofSeconds(15))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
