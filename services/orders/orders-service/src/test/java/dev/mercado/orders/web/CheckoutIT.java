package dev.mercado.orders.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.mercado.catalog.api.CatalogTopics;
import dev.mercado.catalog.api.ProductChanged;
import dev.mercado.catalog.api.StockRejected;
import dev.mercado.catalog.api.StockReleased;
import dev.mercado.catalog.api.StockReserved;
import dev.mercado.identity.api.DemoCustomers;
import dev.mercado.identity.api.Role;
import dev.mercado.orders.api.OrdersTopics;
import dev.mercado.payments.api.PaymentAuthorized;
import dev.mercado.payments.api.PaymentDeclined;
import dev.mercado.payments.api.PaymentsTopics;
import dev.mercado.platform.events.CloudEvent;
import dev.mercado.testkit.EventContracts;
import dev.mercado.testkit.Infrastructure;
import dev.mercado.testkit.KafkaRecords;
import dev.mercado.testkit.TestIdentity;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Orders over real PostgreSQL and Kafka: placing orders (idempotency, validation) and the saga
 * driven by answers this test publishes in the role of catalog and payments, as an operator placing
 * orders for customers; and who may place and read which order ({@link Access}), with tokens of
 * {@link TestIdentity}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CheckoutIT {

  private static final UUID MUG = UUID.fromString("0b7d6a52-3f2e-4b8e-9a51-6f1c2d3e4a01");
  private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
  private static final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "orders");
    registry.add("spring.kafka.bootstrap-servers", Infrastructure::kafka);
    TestIdentity.register(registry);
  }

  private static final String ADMIN = TestIdentity.get().adminToken();

  @Value("${local.server.port}")
  int port;

  @Autowired JdbcClient jdbc;

  @BeforeEach
  void catalogueKnowsTheMug() {
    if (jdbc.sql("SELECT count(*) FROM product_copy WHERE product_id = ?")
            .param(MUG)
            .query(Long.class)
            .single()
        == 0) {
      publish(
          CatalogTopics.PRODUCT_CHANGED,
          MUG,
          new ProductChanged(MUG, "MUG-001", "Enamel mug", new BigDecimal("12.50"), "EUR", 1));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  jdbc.sql("SELECT count(*) FROM product_copy WHERE product_id = ?")
                          .param(MUG)
                          .query(Long.class)
                          .single()
                      == 1);
    }
  }

  @Test
  void acceptsAnOrderPricedFromItsOwnCopyOfTheCatalogue() throws Exception {
    HttpResponse<String> response = place(UUID.randomUUID().toString(), body("c-1", 2));

    assertThat(response.statusCode()).isEqualTo(202);
    String id = id(response);
    assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/orders/" + id);
    assertThat(response.body())
        .contains("\"status\":\"PENDING\"", "\"amount\":25.00", "\"name\":\"Enamel mug\"");
    assertThat(
            KafkaRecords.eventsAbout(
                OrdersTopics.RESERVE_STOCK,
                id,
                Duration.ofSeconds(30),
                events -> !events.isEmpty()))
        .hasSize(1);
  }

  @Test
  void answersTheSameOrderForTheSameKeyAndBody() throws Exception {
    String key = UUID.randomUUID().toString();

    HttpResponse<String> first = place(key, body("c-2", 1));
    HttpResponse<String> second = place(key, body("c-2", 1));

    assertThat(second.statusCode()).isEqualTo(202);
    assertThat(id(second)).isEqualTo(id(first));
    assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(ordersOf("c-2")).isEqualTo(1);
  }

  @Test
  void refusesTheSameKeyWithADifferentBody() throws Exception {
    String key = UUID.randomUUID().toString();
    place(key, body("c-3", 1));

    HttpResponse<String> second = place(key, body("c-3", 5));

    assertThat(second.statusCode()).isEqualTo(422);
    assertThat(second.body()).contains("Idempotency-Key reused");
  }

  @Test
  void placesExactlyOneOrderForConcurrentRequestsWithOneKey() throws Exception {
    String key = UUID.randomUUID().toString();
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        requests.add(() -> place(key, body("c-4", 1)));
      }
      Set<String> ids = new HashSet<>();
      for (Future<HttpResponse<String>> response : pool.invokeAll(requests)) {
        assertThat(response.get().statusCode()).isEqualTo(202);
        ids.add(id(response.get()));
      }
      assertThat(ids).hasSize(1);
      assertThat(ordersOf("c-4")).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void answersBadInputWithProblemDetails() throws Exception {
    HttpResponse<String> noKey =
        http.send(post(body("c-5", 1), ADMIN).build(), HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> noCustomer =
        place(
            UUID.randomUUID().toString(),
            "{\"lines\":[{\"productId\":\""
                + MUG
                + "\",\"quantity\":1}],\"cardToken\":\"tok_visa\"}");
    HttpResponse<String> zero = place(UUID.randomUUID().toString(), body("c-5", 0));
    HttpResponse<String> unknown =
        place(
            UUID.randomUUID().toString(),
            "{\"customerId\":\"c-5\",\"lines\":[{\"productId\":\""
                + UUID.randomUUID()
                + "\",\"quantity\":1}],\"cardToken\":\"tok_visa\"}");
    HttpResponse<String> missing = get("/api/v1/orders/" + UUID.randomUUID());

    assertThat(noKey.statusCode()).isEqualTo(400);
    assertThat(noKey.body()).contains("Idempotency-Key");
    assertThat(noCustomer.statusCode()).isEqualTo(400);
    assertThat(noCustomer.body()).contains("\"field\":\"customerId\"");
    assertThat(zero.statusCode()).isEqualTo(422);
    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(unknown.body()).contains("Unknown products");
    assertThat(missing.statusCode()).isEqualTo(404);
    for (HttpResponse<String> response : List.of(noKey, noCustomer, zero, unknown, missing)) {
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
    }
  }

  @Test
  void refusesAnOrderWhoseTotalCannotBeStoredNamingTheLimit() throws Exception {
    String key = UUID.randomUUID().toString();

    HttpResponse<String> response = place(key, body("c-big", 1_000_000_000));

    assertProblem(response, 422);
    assertThat(response.body()).contains("9999999999.99", "12500000000.00 EUR");
    assertThat(ordersOf("c-big")).isZero();
    assertThat(
            jdbc.sql("SELECT count(*) FROM idempotency_key WHERE key = ?")
                .param(key)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void documentsTheLargestTotalInTheOpenApiDocument() throws Exception {
    HttpResponse<String> document = get("/v3/api-docs", null);

    assertThat(document.statusCode()).isEqualTo(200);
    assertThat(document.body()).contains("\"422\"", "a total above 9999999999.99");
  }

  @Test
  void refusesNumbersThatAreNotWhatTheFieldHolds() throws Exception {
    HttpResponse<String> fraction =
        place(UUID.randomUUID().toString(), body("c-strict", 1).replace(":1}", ":1.5}"));
    HttpResponse<String> exponent =
        place(UUID.randomUUID().toString(), body("c-strict", 1).replace(":1}", ":1e0}"));
    HttpResponse<String> numberForText =
        place(
            UUID.randomUUID().toString(),
            body("c-strict", 1).replace("\"tok_visa\"", "4242424242424242"));
    HttpResponse<String> numberForCustomer =
        place(UUID.randomUUID().toString(), body("c-strict", 1).replace("\"c-strict\"", "7"));

    assertProblem(fraction, 400);
    assertThat(fraction.body()).contains("\"field\":\"lines[0].quantity\"");
    assertProblem(exponent, 400);
    assertProblem(numberForText, 400);
    assertThat(numberForText.body()).contains("\"field\":\"cardToken\"");
    assertProblem(numberForCustomer, 400);
    assertThat(numberForCustomer.body()).contains("\"field\":\"customerId\"");
    assertThat(ordersOf("c-strict")).isZero();
    assertThat(ordersOf("7")).isZero();
  }

  @Test
  void confirmsWhenStockIsReservedAndPaymentAuthorized() throws Exception {
    String id = id(place(UUID.randomUUID().toString(), body("c-6", 2)));
    UUID orderId = UUID.fromString(id);

    publish(CatalogTopics.STOCK_RESERVED, orderId, new StockReserved(orderId, List.of()));
    awaitStatus(id, "STOCK_RESERVED");
    assertThat(
            KafkaRecords.eventsAbout(
                OrdersTopics.AUTHORIZE_PAYMENT,
                id,
                Duration.ofSeconds(30),
                events -> !events.isEmpty()))
        .singleElement()
        .satisfies(
            command ->
                assertThat(command.data().toString()).contains("\"amount\":25.00", "tok_visa"));
    publish(
        PaymentsTopics.PAYMENT_AUTHORIZED,
        orderId,
        new PaymentAuthorized(orderId, UUID.randomUUID(), new BigDecimal("25.00"), "EUR"));

    String confirmed = awaitStatus(id, "CONFIRMED");
    assertThat(confirmed)
        .containsSubsequence(
            "\"to\":\"PENDING\"",
            "\"to\":\"STOCK_RESERVED\"",
            "\"to\":\"PAID\"",
            "\"to\":\"CONFIRMED\"");
    assertThat(
            KafkaRecords.eventsAbout(
                OrdersTopics.ORDER_CONFIRMED,
                id,
                Duration.ofSeconds(30),
                events -> !events.isEmpty()))
        .hasSize(1);
  }

  @Test
  void rejectsWhenStockIsInsufficient() throws Exception {
    String id = id(place(UUID.randomUUID().toString(), body("c-7", 1)));
    UUID orderId = UUID.fromString(id);

    publish(
        CatalogTopics.STOCK_REJECTED,
        orderId,
        new StockRejected(orderId, "out_of_stock", List.of(MUG)));

    assertThat(awaitStatus(id, "REJECTED")).contains("out_of_stock");
  }

  @Test
  void releasesStockAndCancelsWhenThePaymentIsDeclined() throws Exception {
    String id = id(place(UUID.randomUUID().toString(), body("c-8", 1)));
    UUID orderId = UUID.fromString(id);
    publish(CatalogTopics.STOCK_RESERVED, orderId, new StockReserved(orderId, List.of()));
    awaitStatus(id, "STOCK_RESERVED");

    publish(
        PaymentsTopics.PAYMENT_DECLINED,
        orderId,
        new PaymentDeclined(orderId, UUID.randomUUID(), "insufficient_funds"));
    awaitStatus(id, "CANCELLING");
    assertThat(
            KafkaRecords.eventsAbout(
                OrdersTopics.RELEASE_STOCK,
                id,
                Duration.ofSeconds(30),
                events -> !events.isEmpty()))
        .isNotEmpty();
    publish(CatalogTopics.STOCK_RELEASED, orderId, new StockReleased(orderId));

    assertThat(awaitStatus(id, "CANCELLED")).contains("payment_declined:insufficient_funds");
  }

  @Test
  void appliesADuplicatedAnswerOnce() throws Exception {
    String id = id(place(UUID.randomUUID().toString(), body("c-9", 1)));
    UUID orderId = UUID.fromString(id);
    CloudEvent reserved =
        event(CatalogTopics.STOCK_RESERVED, orderId, new StockReserved(orderId, List.of()));

    KafkaRecords.send(CatalogTopics.STOCK_RESERVED, reserved);
    KafkaRecords.send(CatalogTopics.STOCK_RESERVED, reserved);
    awaitStatus(id, "STOCK_RESERVED");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql("SELECT count(*) FROM inbox_message WHERE event_id = ?")
                        .param(reserved.id())
                        .query(Long.class)
                        .single()
                    == 1);
    assertThat(
            KafkaRecords.eventsAbout(
                OrdersTopics.AUTHORIZE_PAYMENT,
                id,
                Duration.ofSeconds(30),
                events -> !events.isEmpty()))
        .hasSize(1);
  }

  @Test
  void compensatesWhenTheStockStepMissesItsDeadline() throws Exception {
    String id = id(place(UUID.randomUUID().toString(), body("c-10", 1)));

    jdbc.sql(
            "UPDATE customer_order SET deadline_at = now() - interval '1 second' WHERE id = ?::uuid")
        .param(id)
        .update();

    assertThat(awaitStatus(id, "CANCELLING")).contains("deadline:PENDING");
    assertThat(
            KafkaRecords.eventsAbout(
                OrdersTopics.RELEASE_STOCK,
                id,
                Duration.ofSeconds(30),
                events -> !events.isEmpty()))
        .isNotEmpty();
  }

  @Test
  void listsACustomersOrders() throws Exception {
    place(UUID.randomUUID().toString(), body("c-11", 1));
    place(UUID.randomUUID().toString(), body("c-11", 3));

    HttpResponse<String> response = get("/api/v1/orders?customerId=c-11");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(ID.matcher(response.body()).results().count()).isEqualTo(2);
  }

  private String awaitStatus(String id, String status) {
    String[] body = new String[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              body[0] = get("/api/v1/orders/" + id).body();
              return body[0].contains("\"status\":\"" + status + "\"");
            });
    return body[0];
  }

  private long ordersOf(String customer) {
    return jdbc.sql("SELECT count(*) FROM customer_order WHERE customer_id = ?")
        .param(customer)
        .query(Long.class)
        .single();
  }

  private static void publish(String topic, UUID subject, Object payload) {
    KafkaRecords.send(topic, event(topic, subject, payload));
  }

  /** As the producer publishes it: its checked-in example with this subject and payload. */
  private static CloudEvent event(String topic, UUID subject, Object payload) {
    return EventContracts.like(topic, subject.toString(), payload);
  }

  private static String body(String customer, int quantity) {
    return "{\"customerId\":\""
        + customer
        + "\",\"lines\":[{\"productId\":\""
        + MUG
        + "\",\"quantity\":"
        + quantity
        + "}],\"cardToken\":\"tok_visa\"}";
  }

  private static String id(HttpResponse<String> response) {
    Matcher matcher = ID.matcher(response.body());
    assertThat(matcher.find()).as(response.body()).isTrue();
    return matcher.group(1);
  }

  private HttpRequest.Builder post(String body, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/orders"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    return token == null ? request : request.header("Authorization", "Bearer " + token);
  }

  /** Places an order as an operator, for the customer the body names. */
  private HttpResponse<String> place(String key, String body) throws Exception {
    return place(key, body, ADMIN);
  }

  private HttpResponse<String> place(String key, String body, String token) throws Exception {
    return http.send(
        post(body, token).header("Idempotency-Key", key).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return get(path, ADMIN);
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body())
        .contains("\"status\":" + status)
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  /**
   * Who may place and read which order, checked by orders itself (the gateway is not involved):
   * customers' tokens for alice and bob, an operator's, a partner's, and refused tokens.
   */
  @Nested
  class Access {

    private final TestIdentity identity = TestIdentity.get();
    private final String alice = identity.customerToken(DemoCustomers.ALICE_ID);
    private final String bob = identity.customerToken(DemoCustomers.BOB_ID);

    @Test
    void refusesARequestWithoutATokenWithAProblem() throws Exception {
      HttpResponse<String> placing = place(UUID.randomUUID().toString(), aliceBody(), null);
      HttpResponse<String> reading = get("/api/v1/orders/" + UUID.randomUUID(), null);

      assertProblem(placing, 401);
      assertProblem(reading, 401);
      assertThat(reading.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void placesAnOrderForTheTokensCustomerWhoReadsIt() throws Exception {
      HttpResponse<String> placed = place(UUID.randomUUID().toString(), aliceBody(), alice);

      assertThat(placed.statusCode()).as(placed.body()).isEqualTo(202);
      assertThat(placed.body()).contains("\"customerId\":\"" + DemoCustomers.ALICE_ID + "\"");
      HttpResponse<String> read = get("/api/v1/orders/" + id(placed), alice);
      assertThat(read.statusCode()).isEqualTo(200);
      assertThat(read.body()).contains(id(placed));
      HttpResponse<String> listed = get("/api/v1/orders", alice);
      assertThat(listed.statusCode()).isEqualTo(200);
      assertThat(listed.body()).contains(id(placed));
    }

    @Test
    void keepsAnotherCustomersOrderFromBobButNotFromAnOperator() throws Exception {
      String order = id(place(UUID.randomUUID().toString(), aliceBody(), alice));

      HttpResponse<String> bobReads = get("/api/v1/orders/" + order, bob);
      HttpResponse<String> bobLists =
          get("/api/v1/orders?customerId=" + DemoCustomers.ALICE_ID, bob);
      HttpResponse<String> adminReads = get("/api/v1/orders/" + order, ADMIN);

      assertProblem(bobReads, 403);
      assertThat(bobReads.body()).doesNotContain(DemoCustomers.ALICE_ID.toString());
      assertProblem(bobLists, 403);
      assertThat(adminReads.statusCode()).isEqualTo(200);
      assertThat(adminReads.body()).contains(order);
    }

    @Test
    void refusesAnOrderForAnotherCustomerThanTheTokens() throws Exception {
      HttpResponse<String> forAlice =
          place(UUID.randomUUID().toString(), bodyFor(DemoCustomers.ALICE_ID.toString()), bob);

      assertProblem(forAlice, 403);
    }

    @Test
    void refusesPartnersPlacingOrders() throws Exception {
      String partner = identity.sign(identity.claims("partner-free", Role.PARTNER).build());

      assertProblem(place(UUID.randomUUID().toString(), aliceBody(), partner), 403);
    }

    @Test
    void refusesTamperedExpiredForeignAndForgedTokens() throws Exception {
      String order = id(place(UUID.randomUUID().toString(), aliceBody(), alice));
      String[] parts = alice.split("\\.");
      String tampered =
          parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
      JWTClaimsSet.Builder aliceClaims =
          identity
              .claims(DemoCustomers.ALICE_ID.toString(), Role.CUSTOMER)
              .claim("customer_id", DemoCustomers.ALICE_ID.toString());
      String expired =
          identity.sign(
              aliceClaims
                  .issueTime(Date.from(Instant.now().minusSeconds(600)))
                  .expirationTime(Date.from(Instant.now().minusSeconds(120)))
                  .build());
      String foreign = identity.sign(aliceClaims.issuer("http://127.0.0.1:1").build());
      String forged = identity.signWithUnpublishedKey(aliceClaims.issuer(identity.url()).build());

      for (String token : List.of(tampered, expired, foreign, forged, "not-a-jwt")) {
        HttpResponse<String> response = get("/api/v1/orders/" + order, token);
        assertProblem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
            .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
      }
    }

    private String aliceBody() {
      // no customerId: the token says whose order it is
      return "{\"lines\":[{\"productId\":\""
          + MUG
          + "\",\"quantity\":1}],\"cardToken\":\"tok_visa\"}";
    }

    private String bodyFor(String customer) {
      return body(customer, 1);
    }
  }
}
