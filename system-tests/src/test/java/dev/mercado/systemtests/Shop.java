package dev.mercado.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mercado.identity.api.DemoClients;
import dev.mercado.identity.api.DemoCustomers;
import dev.mercado.identity.api.IdentityEndpoints;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A customer (alice, with her token from identity's dev-token endpoint) and a shop keeper (an
 * operator's admin token) of the running system, through the gateway only.
 */
final class Shop {

  /** Tokens are reused this long; identity's live longer. */
  private static final Duration TOKEN_REUSE = Duration.ofMinutes(1);

  private record Token(String value, Instant fetched) {}

  private final Map<String, Token> tokens = new ConcurrentHashMap<>();

  private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
  private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");
  private static final Pattern AVAILABLE = Pattern.compile("\"availableStock\":(\\d+)");
  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

  private final String gateway;
  private final String provider;
  private final String mailbox;
  private final String identity;

  Shop(RunningSystem system) {
    this.gateway = system.urls.get("gateway");
    this.provider = system.urls.get("payment-provider");
    this.mailbox = system.urls.get("mail");
    this.identity = system.urls.get("identity");
  }

  /**
   * A token of identity's admin client (client credentials), as an operator's script gets one: the
   * gateway lets only the admin role use catalog's admin API.
   */
  String adminToken() throws Exception {
    return cached("admin", () -> token(DemoClients.ADMIN_CLI, DemoClients.ADMIN_CLI_SECRET));
  }

  /**
   * A demo customer's token ({@link DemoCustomers#ALICE} or {@link DemoCustomers#BOB}) from
   * identity's dev-token endpoint, which the launcher enables: what the shop's sign-in would give.
   */
  String customerToken(String username) throws Exception {
    return cached("customer:" + username, () -> devToken(username));
  }

  private String devToken(String username) throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (DemoClients.DEV_SCRIPTS + ":" + DemoClients.DEV_SCRIPTS_SECRET)
                    .getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(identity + IdentityEndpoints.DEV_TOKENS))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\"}"))
                .timeout(Duration.ofSeconds(15))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return first(ACCESS_TOKEN, response.body());
  }

  private interface Fetch {
    String token() throws Exception;
  }

  private String cached(String name, Fetch fetch) throws Exception {
    Token token = tokens.get(name);
    if (token == null || token.fetched().plus(TOKEN_REUSE).isBefore(Instant.now())) {
      try {
        token = new Token(fetch.token(), Instant.now());
      } catch (Exception | AssertionError identityUnavailable) {
        if (token == null) {
          throw identityUnavailable;
        }
        // identity is down (FaultSuiteIT kills it): the token held still lives for minutes, as a
        // browser's would
        return token.value();
      }
      tokens.put(name, token);
    }
    return token.value();
  }

  /** {@code Authorization} of the customer the shop plays: alice. */
  private Map<String, String> asAlice() throws Exception {
    return Map.of("Authorization", "Bearer " + customerToken(DemoCustomers.ALICE));
  }

  /** A client-credentials token of one of identity's demo clients. */
  String token(String client, String secret) throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(identity + IdentityEndpoints.TOKEN))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .timeout(Duration.ofSeconds(15))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return first(ACCESS_TOKEN, response.body());
  }

  /** Creates a product through catalog's admin API and waits until orders can sell it. */
  UUID product(int stock) throws Exception {
    String sku = "SYS-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        send(
            "POST",
            "/api/v1/catalog/admin/products",
            "{\"sku\":\""
                + sku
                + "\",\"name\":\"System test item\",\"description\":\"made by a system test\","
                + "\"price\":{\"amount\":9.90,\"currency\":\"EUR\"},\"initialStock\":"
                + stock
                + "}",
            null,
            Map.of("Authorization", "Bearer " + adminToken()));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return UUID.fromString(first(ID, created.body()));
  }

  /**
   * Places an order once orders' copy of the catalogue knows the product (eventual consistency).
   */
  String orderWhenKnown(UUID product, int quantity, String card) {
    String[] id = new String[1];
    await("orders learns about " + product)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              HttpResponse<String> response =
                  place(UUID.randomUUID().toString(), product, quantity, card);
              if (response.statusCode() == 202) {
                id[0] = first(ID, response.body());
                return true;
              }
              assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
              return false;
            });
    return id[0];
  }

  /** Places an order as alice: the token says whose order it is, the body names no customer. */
  HttpResponse<String> place(String key, UUID product, int quantity, String card) throws Exception {
    return place(key, product, quantity, card, Map.of());
  }

  /** Places an order as alice with extra request headers, e.g. a W3C {@code traceparent}. */
  HttpResponse<String> place(
      String key, UUID product, int quantity, String card, Map<String, String> headers)
      throws Exception {
    Map<String, String> all = new java.util.HashMap<>(asAlice());
    all.putAll(headers);
    return send(
        "POST",
        "/api/v1/orders",
        "{\"lines\":[{\"productId\":\""
            + product
            + "\",\"quantity\":"
            + quantity
            + "}],\"cardToken\":\""
            + card
            + "\"}",
        key,
        all);
  }

  /** Reads an order through the gateway as {@code username}'s customer token. */
  HttpResponse<String> orderAs(String username, String orderId) throws Exception {
    return send(
        "GET",
        "/api/v1/orders/" + orderId,
        null,
        null,
        Map.of("Authorization", "Bearer " + customerToken(username)));
  }

  /** One page of alice's orders, newest first (a JSON array). */
  String orders(int page, int size) throws Exception {
    HttpResponse<String> response =
        send("GET", "/api/v1/orders?page=" + page + "&size=" + size, null, null, asAlice());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  String status(String orderId) throws Exception {
    return first(STATUS, order(orderId));
  }

  /** Alice's order, as she reads it. */
  String order(String orderId) throws Exception {
    return send("GET", "/api/v1/orders/" + orderId, null, null, asAlice()).body();
  }

  String awaitFinal(String orderId, Duration atMost) {
    String[] status = new String[1];
    await("order " + orderId + " final")
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              status[0] = status(orderId);
              return status[0].equals("CONFIRMED")
                  || status[0].equals("CANCELLED")
                  || status[0].equals("REJECTED");
            });
    return status[0];
  }

  int availableStock(UUID product) throws Exception {
    return Integer.parseInt(
        first(AVAILABLE, send("GET", "/api/v1/catalog/products/" + product, null, null).body()));
  }

  /** The provider's ledger for one order (its reference). */
  String ledger(String orderId) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(provider + "/v1/ledger?reference=" + orderId))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** The e-mails the mail server received about one order (a JSON array). */
  String mailsAbout(String orderId) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(mailbox + "?header=X-Mercado-Order-Id:" + orderId))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /**
   * What notifications says it sent about one order, through the gateway, as an operator: only
   * operators and services read notifications.
   */
  String notifications(String orderId) throws Exception {
    HttpResponse<String> response =
        send(
            "GET",
            "/api/v1/notifications?orderId=" + orderId,
            null,
            null,
            Map.of("Authorization", "Bearer " + adminToken()));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      count++;
    }
    return count;
  }

  static String id(HttpResponse<String> response) {
    return first(ID, response.body());
  }

  private HttpResponse<String> send(String method, String path, String body, String key)
      throws Exception {
    return send(method, path, body, key, Map.of());
  }

  private HttpResponse<String> send(
      String method, String path, String body, String key, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(15));
    headers.forEach(request::header);
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String first(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    assertThat(matcher.find()).as("%s in %s", pattern, text).isTrue();
    return matcher.group(1);
  }
}
