package dev.mercado.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One order, followed through the running system (O1–O3): one trace in Zipkin holding the spans of
 * every service and of every Kafka and AMQP hop, each consumer's span a child of its producer's;
 * the trace id in a log line of every service; orders' business counters moving.
 */
@Order(5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityIT {

  private static final Duration FINAL = Duration.ofSeconds(60);
  private static final List<String> SERVICES =
      List.of("gateway", "orders", "catalog", "payments", "notifications");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private static RunningSystem system;
  private static Shop shop;

  @BeforeAll
  static void openTheShop() throws Exception {
    system = RunningSystem.get();
    shop = new Shop(system);
  }

  @Test
  @Order(1)
  void followsOneOrderAcrossEveryServiceInOneTrace() throws Exception {
    UUID product = shop.product(5);
    shop.orderWhenKnown(product, 1, "tok_visa");
    double placedBefore = counter("orders", "mercado_orders_placed_orders_total");
    double confirmedBefore =
        counter("orders", "mercado_orders_finished_orders_total{outcome=\"confirmed\"");
    String traceId = HexFormat.of().formatHex(random(16));
    String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(random(8)) + "-01";

    HttpResponse<String> placed =
        shop.place(
            UUID.randomUUID().toString(),
            product,
            1,
            "tok_visa",
            Map.of("traceparent", traceparent));
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
    String order = Shop.id(placed);
    assertThat(shop.awaitFinal(order, FINAL)).isEqualTo("CONFIRMED");
    await("e-mail about " + order + " sent")
        .atMost(FINAL)
        .until(() -> shop.notifications(order).contains("\"status\":\"SENT\""));

    // traces: one trace, every service, every hop continuing its producer's span
    JsonNode[] trace = new JsonNode[1];
    await("trace " + traceId + " complete in Zipkin")
        .atMost(FINAL)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              trace[0] = trace(traceId);
              return trace[0] != null
                  && services(trace[0]).containsAll(SERVICES)
                  && names(trace[0]).contains("deliver e-mail");
            });
    List<JsonNode> spans = list(trace[0]);
    assertThat(names(trace[0]))
        .contains(
            "outbox publish orders.reserve-stock",
            "reserve stock",
            "saga catalog.stock-reserved",
            "provider authorize",
            "outbox publish notifications.email-tasks",
            "deliver e-mail",
            // SQL inside the order's work keeps its spans (platform-observability's
            // HousekeepingFilter drops only SQL outside any)
            "query");
    Set<String> producerIds =
        spans.stream()
            .filter(span -> "PRODUCER".equals(span.path("kind").asString()))
            .map(span -> span.path("id").asString())
            .collect(Collectors.toSet());
    List<JsonNode> consumers =
        spans.stream().filter(span -> "CONSUMER".equals(span.path("kind").asString())).toList();
    assertThat(consumers).as("Kafka and AMQP consumer spans").hasSizeGreaterThanOrEqualTo(4);
    assertThat(consumers)
        .as("every consumer span continues a producer span of the same trace")
        .allSatisfy(span -> assertThat(producerIds).contains(span.path("parentId").asString()));
    assertThat(spans.stream().filter(span -> !span.has("parentId")).count())
        .as("one root: the span the test's traceparent named is the parent of the gateway's")
        .isZero();

    // logs: the trace id in a line of every service, the order id beside it where it is in scope
    for (String service : SERVICES) {
      assertThat(logOf(service)).as(service + "'s log").contains("\"traceId\":\"" + traceId + "\"");
    }
    // the gateway's access log names the caller: the product was created with the admin client's
    // token from identity (R5)
    assertThat(logOf("gateway"))
        .containsPattern(
            "/api/v1/catalog/admin/products.*\"client\":\\{[^}]*\"id\":\"mercado-admin-cli\"");
    for (String service : List.of("orders", "catalog", "payments", "notifications")) {
      assertThat(logOf(service))
          .as(service + "'s log names the order")
          .contains("\"order\":{\"id\":\"" + order + "\"}");
    }

    // business counters (counted after commit)
    await("orders' counters")
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(counter("orders", "mercado_orders_placed_orders_total"))
                  .isGreaterThanOrEqualTo(placedBefore + 1);
              assertThat(
                      counter(
                          "orders", "mercado_orders_finished_orders_total{outcome=\"confirmed\""))
                  .isGreaterThanOrEqualTo(confirmedBefore + 1);
            });
  }

  /**
   * O1: every metric a dashboard or an alert rule queries is exported by a running service (runs
   * after CheckoutJourneyIT, whose declined and cancelled orders register the lazily created
   * series).
   */
  /** After an order went all the way through: some timers exist only once they have timed once. */
  @Test
  @Order(2)
  void dashboardsAndAlertsQueryOnlyMetricsTheServicesExport() throws Exception {
    // every instance: a service's meters appear where its work ran, and with two catalog
    // instances Kafka may give all of one topic's partitions (all reservations) to one of them
    Set<String> exported = new HashSet<>();
    for (String instance : system.urls.keySet()) {
      if (SERVICES.contains(instance.replaceFirst("-\\d+$", ""))) {
        exported.addAll(exportedMetrics(instance));
      }
    }
    Path assets = RunningSystem.REPOSITORY.resolve("deploy/observability");
    Set<String> queried =
        new TreeSet<>(ObservabilityAssets.dashboardMetrics(assets.resolve("dashboards")));
    queried.addAll(ObservabilityAssets.ruleMetrics(assets.resolve("rules/mercado.yml")));
    queried.removeAll(ObservabilityAssets.SCRAPE_SERIES);

    assertThat(queried).isNotEmpty();
    assertThat(queried)
        .as("metrics queried by deploy/observability but exported by no service")
        .allSatisfy(metric -> assertThat(exported).contains(metric));
  }

  /**
   * The gateway's guards are visible where an operator looks (R3, R4): its limits decided on Redis
   * when the system runs on this machine's servers ({@code --infra local}), in memory otherwise,
   * and a breaker per service behind it.
   */
  @Test
  @Order(3)
  void gatewayShowsWhereItKeepsLimitsAndTheStateOfEachServicesBreaker() throws Exception {
    shop.product(5);

    String gateway = prometheus("gateway");

    assertThat(gateway)
        .contains(
            "mercado_ratelimit_decision_duration_seconds_count{backend=\""
                + (RunningSystem.local() ? "redis" : "memory")
                + "\"");
    for (String service : List.of("catalog", "orders", "payments", "notifications")) {
      assertThat(gateway)
          .containsPattern(
              "resilience4j_circuitbreaker_state\\{[^}]*name=\""
                  + service
                  + "\"[^}]*state=\"closed\"[^}]*} 1");
    }
  }

  private static Set<String> exportedMetrics(String service) throws Exception {
    return prometheus(service)
        .lines()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .map(line -> line.split("[{ ]", 2)[0])
        .collect(Collectors.toSet());
  }

  private static byte[] random(int bytes) {
    byte[] value = new byte[bytes];
    new SecureRandom().nextBytes(value);
    return value;
  }

  /** The trace as Zipkin returns it, or null while it does not know it. */
  private static JsonNode trace(String traceId) throws Exception {
    String zipkin = system.urls.get("zipkin").replaceFirst("/zipkin/?$", "");
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(zipkin + "/api/v2/trace/" + traceId))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
  }

  private static List<JsonNode> list(JsonNode trace) {
    return StreamSupport.stream(trace.spliterator(), false).toList();
  }

  private static Set<String> services(JsonNode trace) {
    return list(trace).stream()
        .map(span -> span.path("localEndpoint").path("serviceName").asString())
        .collect(Collectors.toSet());
  }

  private static Set<String> names(JsonNode trace) {
    return list(trace).stream()
        .map(span -> span.path("name").asString())
        .collect(Collectors.toSet());
  }

  /** Every log of the service's instances (catalog runs two). */
  private static String logOf(String service) throws Exception {
    StringBuilder text = new StringBuilder();
    try (var logs = Files.list(RunningSystem.HOME.resolve("logs"))) {
      for (Path log :
          logs.filter(path -> path.getFileName().toString().matches(service + "(-\\d+)?\\.log"))
              .toList()) {
        text.append(Files.readString(log));
      }
    }
    return text.toString();
  }

  /**
   * The value of the first series starting with {@code series} on the service's Prometheus page.
   */
  /** The series' value summed over every instance of the service (orders runs two). */
  private static double counter(String service, String series) throws Exception {
    double sum = 0;
    for (String instance : system.urls.keySet()) {
      if (instance.matches(Pattern.quote(service) + "(-\\d+)?")) {
        Matcher value =
            Pattern.compile("(?m)^" + Pattern.quote(series) + "[^ ]* ([0-9.eE+-]+)$")
                .matcher(prometheus(instance));
        sum += value.find() ? Double.parseDouble(value.group(1)) : 0;
      }
    }
    return sum;
  }

  /** The service's {@code /actuator/prometheus} page. */
  private static String prometheus(String service) throws Exception {
    HttpResponse<String> page =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(system.urls.get(service) + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    return page.body();
  }
}
