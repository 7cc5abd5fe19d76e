import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simple open-loop load of checkouts through the gateway (issue 3's closing note): places
 * orders at a fixed rate for a fixed time, then waits for every order to reach a final state.
 *
 * <pre>
 * java bench/CheckoutLoad.java GATEWAY_URL ORDERS_PER_SECOND SECONDS [IDENTITY_URL]
 * </pre>
 *
 * Prints the achieved rate, p50/p99 of the 202 answer (client side), and p50/p99 from placement
 * to CONFIRMED (server side: the order's own history timestamps). Creates its own product with
 * enough stock. Bounded: at most rate x seconds orders, at most 3 minutes of waiting.
 */
public class CheckoutLoad {

  private static String loadToken;

  private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
  private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");
  private static final Pattern PLACED = Pattern.compile("\"placedAt\":\"([^\"]+)\"");
  private static final Pattern CONFIRMED_AT =
      Pattern.compile("\"to\":\"CONFIRMED\",\"reason\":[^,]*,\"at\":\"([^\"]+)\"");

  public static void main(String[] args) throws Exception {
    String gateway = args[0];
    int rate = Integer.parseInt(args[1]);
    int seconds = Integer.parseInt(args[2]);
    // catalog's admin API needs the admin role: identity's demo admin client gets a token
    String identity = args.length > 3 ? args[3] : "http://127.0.0.1:8085";
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    String product =
        createProduct(
            http,
            gateway,
            token(http, identity, "mercado-admin-cli", "mercado-admin-cli-demo-secret"),
            rate * seconds + 10);
    // the load is one customer's, alice's: orders takes the customer from her token and lets only
    // her (or an operator) read her orders (docs/adr/0009); her limit at the gateway is per user
    loadToken = devToken(http, identity, "alice");
    Instant tokenFetched = Instant.now();
    waitUntilOrdersKnow(http, gateway, product);

    List<Long> acceptNanos = Collections.synchronizedList(new ArrayList<>());
    ConcurrentLinkedQueue<String> orders = new ConcurrentLinkedQueue<>();
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    List<CompletableFuture<?>> inFlight = new ArrayList<>();
    long start = System.nanoTime();
    long interval = 1_000_000_000L / rate;
    for (long i = 0; i < (long) rate * seconds; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      long sent = System.nanoTime();
      inFlight.add(
          http.sendAsync(place(gateway, product), HttpResponse.BodyHandlers.ofString())
              .thenAccept(
                  response -> {
                    acceptNanos.add(System.nanoTime() - sent);
                    statuses.merge(response.statusCode(), 1, Integer::sum);
                    Matcher id = ID.matcher(response.body());
                    if (response.statusCode() == 202 && id.find()) {
                      orders.add(id.group(1));
                    }
                  }));
    }
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
    double elapsed = (System.nanoTime() - start) / 1e9;

    // Sweep every order at most once a second: polling each order continuously would load the
    // orders service with the benchmark's own GETs while the sagas drain.
    List<Long> toConfirmed = new ArrayList<>();
    Map<String, Integer> finals = new ConcurrentHashMap<>();
    List<String> pending = new ArrayList<>(orders);
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (!pending.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(1_000);
      if (Duration.between(tokenFetched, Instant.now()).compareTo(Duration.ofMinutes(2)) > 0) {
        // identity's tokens live 5 minutes; sending and draining may take longer
        loadToken = devToken(http, identity, "alice");
        tokenFetched = Instant.now();
      }
      List<String> stillPending = new ArrayList<>();
      for (String order : pending) {
        String body = get(http, gateway + "/api/v1/orders/" + order);
        String status = first(STATUS, body);
        if (!List.of("CONFIRMED", "CANCELLED", "REJECTED").contains(status)) {
          stillPending.add(order);
          continue;
        }
        finals.merge(status, 1, Integer::sum);
        Matcher confirmed = CONFIRMED_AT.matcher(body);
        if (confirmed.find()) {
          toConfirmed.add(
              Duration.between(Instant.parse(first(PLACED, body)), Instant.parse(confirmed.group(1)))
                  .toNanos());
        }
      }
      pending = stillPending;
    }

    System.out.printf(
        "sent %d orders in %.1f s: %.1f orders/s (target %d/s); answers %s%n",
        acceptNanos.size(), elapsed, acceptNanos.size() / elapsed, rate, statuses);
    System.out.printf(
        "202 answer: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        percentile(acceptNanos, 50), percentile(acceptNanos, 99), percentile(acceptNanos, 100));
    System.out.printf(
        "placed -> CONFIRMED: p50 %.1f ms, p99 %.1f ms (%d confirmed); final states %s%n",
        percentile(toConfirmed, 50), percentile(toConfirmed, 99), toConfirmed.size(), finals);
  }

  private static HttpRequest place(String gateway, String product) {
    return HttpRequest.newBuilder(URI.create(gateway + "/api/v1/orders"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + loadToken)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(
            HttpRequest.BodyPublishers.ofString(
                "{\"lines\":[{\"productId\":\""
                    + product
                    + "\",\"quantity\":1}],\"cardToken\":\"tok_visa\"}"))
        .build();
  }

  /**
   * A demo customer's token from identity's dev-token endpoint, which {@code ./mercado up} enables
   * (client {@code dev-scripts} with its demo secret).
   */
  private static String devToken(HttpClient http, String identity, String username)
      throws Exception {
    HttpResponse<String> token =
        http.send(
            HttpRequest.newBuilder(URI.create(identity + "/api/v1/identity/dev/tokens"))
                .header(
                    "Authorization",
                    "Basic "
                        + java.util.Base64.getEncoder()
                            .encodeToString("dev-scripts:dev-scripts-demo-secret".getBytes()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher matcher = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(token.body());
    if (token.statusCode() != 200 || !matcher.find()) {
      throw new IllegalStateException("no dev token for " + username + ": " + token.body());
    }
    return matcher.group(1);
  }

  private static String token(HttpClient http, String identity, String client, String secret)
      throws Exception {
    HttpResponse<String> token =
        http.send(
            HttpRequest.newBuilder(URI.create(identity + "/oauth2/token"))
                .header(
                    "Authorization",
                    "Basic "
                        + java.util.Base64.getEncoder()
                            .encodeToString((client + ":" + secret).getBytes()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher matcher = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(token.body());
    if (token.statusCode() != 200 || !matcher.find()) {
      throw new IllegalStateException("no token for " + client + ": " + token.body());
    }
    return matcher.group(1);
  }

  private static String createProduct(HttpClient http, String gateway, String token, int stock)
      throws Exception {
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(URI.create(gateway + "/api/v1/catalog/admin/products"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"sku\":\"LOAD-"
                            + UUID.randomUUID().toString().substring(0, 8)
                            + "\",\"name\":\"Load item\",\"description\":\"bench\","
                            + "\"price\":{\"amount\":1.00,\"currency\":\"EUR\"},\"initialStock\":"
                            + stock
                            + "}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 201) {
      throw new IllegalStateException("could not create the product: " + created.body());
    }
    return first(ID, created.body());
  }

  private static void waitUntilOrdersKnow(HttpClient http, String gateway, String product)
      throws Exception {
    for (int attempt = 0; attempt < 600; attempt++) {
      if (http.send(place(gateway, product), HttpResponse.BodyHandlers.ofString()).statusCode()
          == 202) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("orders never learned about product " + product);
  }

  private static String get(HttpClient http, String url) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + loadToken)
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static String first(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.find() ? matcher.group(1) : "";
  }

  private static double percentile(List<Long> nanos, int percentile) {
    if (nanos.isEmpty()) {
      return Double.NaN;
    }
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
  }
}
