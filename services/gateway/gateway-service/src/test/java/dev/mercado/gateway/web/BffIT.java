package dev.mercado.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mercado.identity.api.DemoCustomers;
import dev.mercado.testkit.TestIdentity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's Backend-for-Frontend pages (R5) over real HTTP, with loopback servers standing in
 * for orders, payments, notifications and catalog: one answer composed from all four, and, when one
 * of them is down or slow, a page that is partial and names what is missing (F8) or shows the last
 * known product marked stale (R12), within the deadline (800 ms by default). Each test uses its own
 * order and product ids: the cache of last known products lives as long as the gateway.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BffIT {

  private static final LoopbackServers.Upstream orders = LoopbackServers.upstream();
  private static final LoopbackServers.Upstream payments = LoopbackServers.upstream();
  private static final LoopbackServers.Upstream notifications = LoopbackServers.upstream();
  private static final LoopbackServers.Upstream catalog = LoopbackServers.upstream();
  private static final HttpClient http =
      HttpClient.newBuilder()
          // the gateway speaks HTTP/1.1: no h2c upgrade attempt on each new connection
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final JsonMapper json = JsonMapper.builder().build();
  private static volatile boolean warm;

  @Value("${local.server.port}")
  private int port;

  @DynamicPropertySource
  static void instances(DynamicPropertyRegistry registry) {
    registry.add("spring.cloud.discovery.client.simple.instances.orders[0].uri", orders::uri);
    registry.add("spring.cloud.discovery.client.simple.instances.payments[0].uri", payments::uri);
    registry.add(
        "spring.cloud.discovery.client.simple.instances.notifications[0].uri", notifications::uri);
    registry.add("spring.cloud.discovery.client.simple.instances.catalog[0].uri", catalog::uri);
    // customers' tokens the gateway accepts; its own service token cannot be had there, so the
    // page reads payments and notifications without one (these stand-ins do not check)
    registry.add("mercado.gateway.identity-url", () -> TestIdentity.get().url());
  }

  @AfterAll
  static void stopUpstreams() {
    List.of(orders, payments, notifications, catalog).forEach(LoopbackServers.Upstream::stop);
  }

  /**
   * One complete page before the tests: the first request of a fresh JVM loads and links the whole
   * path (security, limits, breakers, client, codecs), which on a busy machine takes longer than
   * the 800 ms deadline these tests rely on.
   */
  @BeforeEach
  void warmUpOnce() throws Exception {
    if (warm) {
      return;
    }
    UUID order = UUID.randomUUID();
    everyServiceKnows(order, UUID.randomUUID());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> get("/api/v1/bff/orders/" + order).body().contains("\"partial\":false"));
    warm = true;
  }

  @Test
  void composesAnOrderPageFromEveryServiceInOneAnswer() throws Exception {
    UUID order = UUID.randomUUID();
    UUID mug = UUID.randomUUID();
    UUID tee = UUID.randomUUID();
    everyServiceKnows(order, mug, tee);
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

    HttpResponse<String> response =
        get(
            "/api/v1/bff/orders/" + order,
            Map.of(
                "traceparent",
                "00-" + traceId + "-00f067aa0ba902b7-01",
                "Authorization",
                "Bearer " + TestIdentity.get().customerToken(DemoCustomers.ALICE_ID)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode page = json.readTree(response.body());
    assertThat(page.get("order").get("id").asString()).isEqualTo(order.toString());
    assertThat(page.get("payment").get("status").asString()).isEqualTo("AUTHORIZED");
    assertThat(page.get("notifications")).hasSize(1);
    assertThat(page.get("products").propertyNames())
        .containsExactly(mug.toString(), tee.toString());
    assertThat(page.get("products").get(mug.toString()).get("name").asString()).isEqualTo("Mug");
    assertThat(page.get("products").get(mug.toString()).get("stale").asBoolean()).isFalse();
    assertThat(page.get("missing")).isEmpty();
    assertThat(page.get("partial").asBoolean()).isFalse();
    // amounts pass through as the services wrote them, not as binary fractions
    assertThat(response.body()).contains("\"amount\":9.90");
    // every call is part of the client's trace
    assertThat(header(orders.received(orderPath(order)).get(0), "traceparent")).contains(traceId);
    assertThat(header(catalog.received(productPath(tee)).get(0), "traceparent")).contains(traceId);
  }

  @Test
  void readsTheOrderAsTheCallerAndAnswersAsOrdersDoesWhenItRefuses() throws Exception {
    UUID mine = UUID.randomUUID();
    UUID theirs = UUID.randomUUID();
    everyServiceKnows(mine, UUID.randomUUID());
    everyServiceKnows(theirs, UUID.randomUUID());
    orders.answer(orderPath(theirs), 403, problem(403));
    String alice = "Bearer " + TestIdentity.get().customerToken(DemoCustomers.ALICE_ID);

    HttpResponse<String> own = get("/api/v1/bff/orders/" + mine, Map.of("Authorization", alice));
    HttpResponse<String> other =
        get("/api/v1/bff/orders/" + theirs, Map.of("Authorization", alice));

    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    assertThat(header(orders.received(orderPath(mine)).get(0), "Authorization")).isEqualTo(alice);
    assertThat(other.statusCode()).as(other.body()).isEqualTo(403);
    assertThat(other.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(other.body()).doesNotContain("AUTHORIZED");
  }

  @Test
  void answers401WhenOrdersRefusesTheToken() throws Exception {
    UUID order = UUID.randomUUID();
    everyServiceKnows(order, UUID.randomUUID());
    orders.answer(orderPath(order), 401, problem(401));

    HttpResponse<String> response = get("/api/v1/bff/orders/" + order);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(response.body()).contains("\"status\":401");
  }

  @Test
  void leavesThePaymentOutWhenPaymentsIsDown() throws Exception {
    UUID order = UUID.randomUUID();
    everyServiceKnows(order, UUID.randomUUID());
    payments.drop(paymentPath(order));

    HttpResponse<String> response = get("/api/v1/bff/orders/" + order);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode page = json.readTree(response.body());
    assertThat(page.get("order").get("id").asString()).isEqualTo(order.toString());
    assertThat(page.get("payment").isNull()).isTrue();
    assertThat(page.get("notifications")).hasSize(1);
    assertThat(page.get("partial").asBoolean()).isTrue();
    assertThat(page.get("missing")).hasSize(1);
    assertThat(page.get("missing").get(0).get("part").asString()).isEqualTo("payment");
    assertThat(page.get("missing").get(0).get("reason").asString())
        .isEqualTo("payments unreachable");
  }

  @Test
  void answersWithinTheDeadlineWhenNotificationsIsSlow() throws Exception {
    UUID order = UUID.randomUUID();
    everyServiceKnows(order, UUID.randomUUID());
    notifications.answerAfter(notificationsPath(order), Duration.ofSeconds(5), "[]");

    HttpResponse<String> response = get("/api/v1/bff/orders/" + order);

    // answered at the deadline, not after the 5 s notifications takes
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode page = json.readTree(response.body());
    assertThat(page.get("payment").get("status").asString()).isEqualTo("AUTHORIZED");
    assertThat(page.get("notifications")).isEmpty();
    assertThat(page.get("partial").asBoolean()).isTrue();
    assertThat(page.get("missing")).hasSize(1);
    assertThat(page.get("missing").get(0).get("part").asString()).isEqualTo("notifications");
    assertThat(page.get("missing").get(0).get("reason").asString())
        .isEqualTo("timeout after 800 ms");
  }

  @Test
  void showsTheLastKnownProductMarkedStaleWhenCatalogFails() throws Exception {
    UUID order = UUID.randomUUID();
    UUID mug = UUID.randomUUID();
    everyServiceKnows(order, mug);
    assertThat(get("/api/v1/bff/orders/" + order).statusCode()).isEqualTo(200);
    catalog.answer(productPath(mug), 503, problem(503));

    HttpResponse<String> response = get("/api/v1/bff/orders/" + order);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode page = json.readTree(response.body());
    JsonNode product = page.get("products").get(mug.toString());
    assertThat(product.get("name").asString()).isEqualTo("Mug");
    assertThat(product.get("stale").asBoolean()).isTrue();
    assertThat(page.get("missing")).isEmpty();
    assertThat(page.get("partial").asBoolean()).isFalse();
  }

  @Test
  void namesAProductMissingWhenCatalogFailsAndNoCopyIsKnown() throws Exception {
    UUID order = UUID.randomUUID();
    UUID mug = UUID.randomUUID();
    everyServiceKnows(order, mug);
    catalog.answer(productPath(mug), 500, problem(500));

    HttpResponse<String> response = get("/api/v1/bff/orders/" + order);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode page = json.readTree(response.body());
    assertThat(page.get("products").has(mug.toString())).isFalse();
    assertThat(page.get("partial").asBoolean()).isTrue();
    assertThat(page.get("missing").get(0).get("part").asString()).isEqualTo("products/" + mug);
    assertThat(page.get("missing").get(0).get("reason").asString())
        .isEqualTo("catalog answered 500");
  }

  @Test
  void answers404ProblemForAnUnknownOrder() throws Exception {
    UUID order = UUID.randomUUID();

    HttpResponse<String> response = get("/api/v1/bff/orders/" + order);

    assertProblem(response, 404);
    assertThat(response.body())
        .contains("\"title\":\"Order not found\"", "\"instance\":\"/api/v1/bff/orders/" + order);
  }

  @Test
  void answers503ProblemWithRetryAfterWhenOrdersCannotBeReached() throws Exception {
    UUID order = UUID.randomUUID();
    everyServiceKnows(order, UUID.randomUUID());
    orders.drop(orderPath(order));

    HttpResponse<String> response = get("/api/v1/bff/orders/" + order);

    // without the order there is nothing to show: not a 200 page of empty parts
    assertProblem(response, 503);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertThat(response.body()).contains("orders unreachable");
  }

  @Test
  void composesAProductPageAndFallsBackToItsLastKnownCopy() throws Exception {
    UUID mug = UUID.randomUUID();
    catalog.answer(productPath(mug), 200, aProduct(mug, "Mug"));

    HttpResponse<String> fresh = get("/api/v1/bff/products/" + mug);
    catalog.answerAfter(productPath(mug), Duration.ofSeconds(5), aProduct(mug, "Mug"));
    HttpResponse<String> stale = get("/api/v1/bff/products/" + mug);

    assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(200);
    JsonNode product = json.readTree(fresh.body()).get("product");
    assertThat(product.get("id").asString()).isEqualTo(mug.toString());
    assertThat(product.get("availableStock").asInt()).isEqualTo(7);
    assertThat(product.get("stale").asBoolean()).isFalse();
    assertThat(stale.statusCode()).as(stale.body()).isEqualTo(200);
    assertThat(json.readTree(stale.body()).get("product").get("stale").asBoolean()).isTrue();
  }

  @Test
  void answersProblemsForAProductPageItCannotShow() throws Exception {
    UUID unknown = UUID.randomUUID();
    UUID neverSeen = UUID.randomUUID();
    catalog.answer(productPath(neverSeen), 503, problem(503));

    HttpResponse<String> notFound = get("/api/v1/bff/products/" + unknown);
    HttpResponse<String> unavailable = get("/api/v1/bff/products/" + neverSeen);

    assertProblem(notFound, 404);
    assertThat(notFound.body()).contains("\"title\":\"Product not found\"");
    assertProblem(unavailable, 503);
    assertThat(unavailable.headers().firstValue("Retry-After")).isPresent();
    assertThat(unavailable.body()).contains("catalog answered 503");
  }

  /** Orders, payments, notifications and catalog all know the order and its products. */
  private static void everyServiceKnows(UUID order, UUID... products) {
    orders.answer(orderPath(order), 200, anOrder(order, products));
    payments.answer(paymentPath(order), 200, "[" + aPayment(order) + "]");
    notifications.answer(
        notificationsPath(order),
        200,
        "[{\"id\":\""
            + UUID.randomUUID()
            + "\",\"orderId\":\""
            + order
            + "\",\"kind\":\"ORDER_CONFIRMED\",\"status\":\"SENT\",\"attempts\":1}]");
    for (UUID product : products) {
      catalog.answer(productPath(product), 200, aProduct(product, "Mug"));
    }
  }

  private static String anOrder(UUID id, UUID... products) {
    StringBuilder lines = new StringBuilder();
    for (UUID product : products) {
      lines.append(lines.length() == 0 ? "" : ",");
      lines.append(
          "{\"productId\":\"" + product + "\",\"name\":\"Mug\",\"quantity\":1,\"unitPrice\":9.90}");
    }
    return "{\"id\":\""
        + id
        + "\",\"customerId\":\"c-1\",\"status\":\"CONFIRMED\","
        + "\"total\":{\"amount\":9.90,\"currency\":\"EUR\"},\"lines\":["
        + lines
        + "],\"history\":[],\"placedAt\":\"2026-01-01T10:00:00Z\"}";
  }

  private static String aPayment(UUID order) {
    return "{\"id\":\""
        + UUID.randomUUID()
        + "\",\"orderId\":\""
        + order
        + "\",\"status\":\"AUTHORIZED\",\"amount\":9.90,\"currency\":\"EUR\",\"declineReason\":null}";
  }

  private static String aProduct(UUID id, String name) {
    return "{\"id\":\""
        + id
        + "\",\"sku\":\"MUG-1\",\"name\":\""
        + name
        + "\",\"description\":\"\",\"price\":{\"amount\":9.90,\"currency\":\"EUR\"},"
        + "\"availableStock\":7}";
  }

  private static String problem(int status) {
    return "{\"type\":\"about:blank\",\"status\":" + status + "}";
  }

  private static String orderPath(UUID order) {
    return "/api/v1/orders/" + order;
  }

  private static String paymentPath(UUID order) {
    return "/api/v1/payments?orderId=" + order;
  }

  private static String notificationsPath(UUID order) {
    return "/api/v1/notifications?orderId=" + order;
  }

  private static String productPath(UUID product) {
    return "/api/v1/catalog/products/" + product;
  }

  private static String header(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(name))
        .map(entry -> entry.getValue().get(0))
        .findFirst()
        .orElse("");
  }

  /** As alice: the order page needs a token at the gateway; which orders she may see is orders'. */
  private HttpResponse<String> get(String path) throws Exception {
    return get(
        path,
        Map.of(
            "Authorization", "Bearer " + TestIdentity.get().customerToken(DemoCustomers.ALICE_ID)));
  }

  private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(15));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("\"status\":" + status).doesNotContain("Exception");
  }
}
