package dev.mercado.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mercado.identity.api.DemoClients;
import dev.mercado.systemtests.RunningSystem.CommandResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The walking skeleton as a new user meets it (P1–P4, F1, R1): one command starts every process,
 * the gateway serves the catalogue from catalog's own database, readiness follows the database, and
 * {@code ./mercado down} leaves nothing behind.
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {

  private static final List<String> SERVICES =
      List.of("identity", "catalog", "orders", "payments", "notifications", "gateway");
  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static RunningSystem system;

  @BeforeAll
  static void startTheSystem() throws Exception {
    system = RunningSystem.get();
  }

  @Test
  @Order(1)
  void everyServiceRunsAsItsOwnProcessAndIsReady() throws Exception {
    assertThat(system.pids.keySet()).containsAll(SERVICES);
    assertThat(SERVICES.stream().map(system.pids::get).distinct()).hasSize(SERVICES.size());
    for (String service : SERVICES) {
      assertThat(status(system.probes.get(service))).as(service + " readiness").isEqualTo(200);
    }
  }

  @Test
  @Order(2)
  void theGatewayServesTheCatalogueFromCatalogsDatabase() throws Exception {
    HttpResponse<String> response = get(system.urls.get("gateway") + "/api/v1/catalog/products");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"totalItems\":8", "\"sku\":\"MUG-001\"");
  }

  /**
   * R5, R3: a partner's demo API key, looked up in identity by the gateway with its own token, gets
   * the partner's tier: premium's 1000 a second where an anonymous caller gets free's 100.
   */
  @Test
  @Order(2)
  void aPartnersApiKeyGetsItsTiersLimits() throws Exception {
    String products = system.urls.get("gateway") + "/api/v1/catalog/products";
    HttpResponse<String> premium =
        http.send(
            HttpRequest.newBuilder(URI.create(products))
                .header("X-Api-Key", DemoClients.PARTNER_PREMIUM_API_KEY)
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> anonymous = get(products);
    HttpResponse<String> unknown =
        http.send(
            HttpRequest.newBuilder(URI.create(products))
                .header("X-Api-Key", "mk_never_issued")
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(premium.statusCode()).as(premium.body()).isEqualTo(200);
    assertThat(premium.headers().firstValue("RateLimit-Policy"))
        .hasValueSatisfying(policy -> assertThat(policy).contains("q=1000;"));
    assertThat(anonymous.headers().firstValue("RateLimit-Policy"))
        .hasValueSatisfying(policy -> assertThat(policy).contains("q=100;"));
    assertThat(unknown.statusCode()).isEqualTo(401);
  }

  @Test
  @Order(3)
  void statusShowsEveryProcessUp() throws Exception {
    CommandResult status = RunningSystem.mercado("status");

    assertThat(status.exitCode()).as(status.output()).isZero();
    for (String name : system.pids.keySet()) {
      assertThat(status.output()).containsPattern("(?m)^" + name + "\\s+\\S+\\s+\\S+\\s+UP");
    }
    // R1: each service's checks, read from its detail view with the run's token
    for (String service : List.of("identity", "catalog", "orders", "payments", "notifications")) {
      assertThat(status.output()).containsPattern("(?m)^" + service + "\\s.*db UP \\d+ms");
    }
  }

  @Test
  @Order(4)
  void readinessFollowsTheDatabase() throws Exception {
    if (RunningSystem.local()) {
      return; // this machine's PostgreSQL is not ours to stop
    }
    List<String> owners = List.of("identity", "catalog", "orders", "payments", "notifications");

    assertThat(RunningSystem.mercado("stop", "postgres").exitCode()).isZero();
    try {
      await("readiness 503 while PostgreSQL is stopped")
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                for (String service : owners) {
                  assertThat(status(system.probes.get(service))).as(service).isEqualTo(503);
                }
              });
      assertThat(status(system.probes.get("gateway"))).isEqualTo(200);
      // R1: liveness is the process alone; a database outage must not get services restarted
      for (String service : owners) {
        assertThat(status(system.urls.get(service) + "/actuator/health/liveness"))
            .as(service + " liveness")
            .isEqualTo(200);
      }
      HttpResponse<String> unavailable =
          get(system.urls.get("gateway") + "/api/v1/catalog/products");
      assertThat(unavailable.statusCode()).isEqualTo(503);
      assertThat(unavailable.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      assertThat(unavailable.headers().firstValue("Retry-After")).isPresent();
      CommandResult status = RunningSystem.mercado("status");
      assertThat(status.exitCode()).isEqualTo(1);
      assertThat(status.output()).containsPattern("(?m)^postgres\\s.*STOPPED");
    } finally {
      // whatever failed above, the later tests need their database back
      assertThat(RunningSystem.mercado("start", "postgres").exitCode()).isZero();
    }

    await("readiness 200 once PostgreSQL is back")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              for (String service : owners) {
                assertThat(status(system.probes.get(service))).as(service).isEqualTo(200);
              }
            });
    // the gateway sees an instance ready again at its next readiness probe (every 2 s): until
    // then it still answers 503 for that service, so wait for every route, not only catalog's
    await("the gateway routes to every service again")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              for (String service : owners) {
                assertThat(status(system.urls.get("gateway") + "/api/v1/" + service + "/"))
                    .as(service + " through the gateway")
                    .isNotEqualTo(503);
              }
            });
    assertThat(get(system.urls.get("gateway") + "/api/v1/catalog/products").statusCode())
        .isEqualTo(200);
  }

  private static int status(String url) throws Exception {
    return get(url).statusCode();
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
