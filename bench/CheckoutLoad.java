import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An open-model load of checkouts through the gateway (issue 15): places orders at a constant
 * arrival rate for a fixed time, whatever the answers' latency, then waits for every order to reach
 * a final state.
 *
 * <pre>
 * java bench/CheckoutLoad.java GATEWAY_URL ORDERS_PER_SECOND SECONDS [IDENTITY_URL [HOME]]
 * </pre>
 *
 * Prints the achieved rate, the 202 answer's p50/p99/p99.9 (client side, measured from the moment
 * the request was due, so a stalled client does not hide queueing: coordinated omission), p50/p99
 * from placement to CONFIRMED (server side: the order's own history timestamps), and the CPU the
 * machine spent per order while the load ran: busy time of all processes from {@code /proc/stat}
 * minus this client's own, divided by the orders placed in the window, plus each process of the
 * running {@code ./mercado up} (pids from {@code HOME/run/state.properties}, default {@code
 * .mercado}, with their child processes such as PostgreSQL's backends). The last line, {@code
 * RESULT k=v ...}, is for bench/run.sh. Creates its own product with enough stock. Bounded: at
 * most rate x seconds orders, at most 3 minutes of waiting.
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
    Path home = Path.of(args.length > 4 ? args[4] : ".mercado");
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
    double idleRate = quietRate();
    Map<String, Long> processesBefore = processTicks(home);
    Map<String, Double> statementsBefore = statements(http, home);
    long busyBefore = busyTicks();
    long ownBefore = ownTicks();
    long start = System.nanoTime();
    long interval = 1_000_000_000L / rate;
    for (long i = 0; i < (long) rate * seconds; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      inFlight.add(
          http.sendAsync(place(gateway, product), HttpResponse.BodyHandlers.ofString())
              .thenAccept(
                  response -> {
                    acceptNanos.add(System.nanoTime() - due);
                    statuses.merge(response.statusCode(), 1, Integer::sum);
                    Matcher id = ID.matcher(response.body());
                    if (response.statusCode() == 202 && id.find()) {
                      orders.add(id.group(1));
                    }
                  }));
    }
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
    double elapsed = (System.nanoTime() - start) / 1e9;
    // The CPU window ends when the machine is back to its idle rate: the captures, e-mails and
    // relays behind the last answer are part of an order's cost. It ends before the sweep below,
    // which polls through the gateway and would charge the benchmark's own GETs to the orders.
    double settled = settle(idleRate);
    double window = (System.nanoTime() - start) / 1e9;
    double grossMs = (busyTicks() - busyBefore - (ownTicks() - ownBefore)) * 1000.0 / TICKS;
    double busyMs = grossMs - idleRate * window * 1000.0;
    Map<String, Long> processesAfter = processTicks(home);
    Map<String, Double> statementsAfter = statements(http, home);

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
        "202 answer: p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms%n",
        percentile(acceptNanos, 50),
        percentile(acceptNanos, 99),
        percentile(acceptNanos, 99.9),
        percentile(acceptNanos, 100));
    System.out.printf(
        "placed -> CONFIRMED: p50 %.1f ms, p99 %.1f ms (%d confirmed); final states %s%n",
        percentile(toConfirmed, 50), percentile(toConfirmed, 99), toConfirmed.size(), finals);
    int placed = orders.size();
    System.out.printf(
        "CPU: %.0f ms of all processes in %.1f s (%.0f %% of %d cores; idle before: %.0f %% of a"
            + " core; back to idle %.1f s after the last answer): %.1f ms per order above idle%n",
        grossMs,
        window,
        grossMs / 10.0 / window / CORES,
        CORES,
        idleRate * 100,
        settled,
        busyMs / Math.max(1, placed));
    StringBuilder perProcess = new StringBuilder("  per order by process (ms):");
    double perOrder = 1000.0 / TICKS / Math.max(1, placed);
    processesAfter.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - processesBefore.getOrDefault(e.getKey(), 0L)))
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> perProcess.append(String.format(" %s %.1f", e.getKey(), e.getValue() * perOrder)));
    System.out.println(perProcess);
    StringBuilder perService = new StringBuilder("  SQL statements per order by service:");
    double sql = 0;
    for (Map.Entry<String, Double> service : statementsAfter.entrySet()) {
      double count =
          (service.getValue() - statementsBefore.getOrDefault(service.getKey(), 0.0))
              / Math.max(1, placed);
      sql += count;
      perService.append(String.format(" %s %.1f", service.getKey(), count));
    }
    System.out.println(perService.append(String.format(" (all %.1f)", sql)));
    int lost = placed - finals.values().stream().mapToInt(Integer::intValue).sum();
    System.out.printf(
        "RESULT rate=%d achieved=%.1f accepted=%d final=%d unfinished=%d confirmed=%d"
            + " p50=%.1f p99=%.1f p999=%.1f c50=%.1f c99=%.1f cpu_ms=%.1f sql=%.1f%n",
        rate,
        acceptNanos.size() / elapsed,
        placed,
        placed - lost,
        lost,
        toConfirmed.size(),
        percentile(acceptNanos, 50),
        percentile(acceptNanos, 99),
        percentile(acceptNanos, 99.9),
        percentile(toConfirmed, 50),
        percentile(toConfirmed, 99),
        busyMs / Math.max(1, placed),
        sql);
  }

  /** The running system's HOME/run/state.properties (components' pids and URLs); empty if none. */
  private static Properties state(Path home) throws IOException {
    Properties properties = new Properties();
    Path state = home.resolve("run/state.properties");
    if (Files.exists(state)) {
      try (var reader = Files.newBufferedReader(state)) {
        properties.load(reader);
      }
    }
    return properties;
  }

  /**
   * SQL statements each service has run so far in observed work (requests, consumed messages;
   * platform-observability counts the relays' and clocks' polls apart): the sum of its
   * {@code mercado_jdbc_statements_total{work="observed"}} series, from every component of
   * HOME/run/state.properties that serves {@code /actuator/prometheus}. A count, not a time: it
   * does not move with the machine's noise, so it judges a change that removes statements at once.
   */
  private static Map<String, Double> statements(HttpClient http, Path home) throws Exception {
    Map<String, Double> counts = new TreeMap<>();
    Properties properties = state(home);
    for (String key : properties.stringPropertyNames()) {
      String url = properties.getProperty(key);
      if (!key.startsWith("component.") || !key.endsWith(".url") || !url.startsWith("http")) {
        continue;
      }
      try {
        HttpResponse<String> metrics =
            http.send(
                HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        double sum =
            metrics.statusCode() != 200
                ? 0
                : metrics
                    .body()
                    .lines()
                    .filter(
                        line ->
                            line.startsWith("mercado_jdbc_statements_total{")
                                && line.contains("work=\"observed\""))
                    .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                    .mapToDouble(Double::parseDouble)
                    .sum();
        if (sum > 0) {
          counts.put(key.substring("component.".length(), key.length() - ".url".length()), sum);
        }
      } catch (IOException | RuntimeException notAService) {
        // a broker's or simulator's address, or a service that does not answer: no statements
      }
    }
    return counts;
  }

  /** Busy cores (1.0 = one core) of the whole machine but this client, over {@code seconds}. */
  private static double busyRate(double seconds) throws Exception {
    long busy = busyTicks() - ownTicks();
    long started = System.nanoTime();
    Thread.sleep((long) (seconds * 1000));
    return (busyTicks() - ownTicks() - busy) / TICKS / ((System.nanoTime() - started) / 1e9);
  }

  /**
   * The machine's idle rate, once the work of an earlier run has drained: two 3-second samples in a
   * row within a twentieth of a core of each other (at most 2 minutes).
   */
  private static double quietRate() throws Exception {
    long started = System.nanoTime();
    double last = busyRate(3);
    while (System.nanoTime() - started < Duration.ofMinutes(2).toNanos()) {
      double now = busyRate(3);
      if (Math.abs(now - last) < 0.05) {
        return Math.min(now, last);
      }
      last = now;
    }
    return last;
  }

  /**
   * Waits until the machine has been within a tenth of a core of its idle rate for three seconds
   * in a row (at most 3 minutes); returns how long that took.
   */
  private static double settle(double idleRate) throws Exception {
    long started = System.nanoTime();
    int quiet = 0;
    while (quiet < 3 && System.nanoTime() - started < Duration.ofMinutes(3).toNanos()) {
      quiet = busyRate(1) <= idleRate + 0.1 ? quiet + 1 : 0;
    }
    return (System.nanoTime() - started) / 1e9 - 3;
  }

  /** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
  private static final double TICKS = 100.0;

  private static final int CORES = Runtime.getRuntime().availableProcessors();

  /** Busy ticks of the whole machine: every column of /proc/stat's cpu line but idle and iowait. */
  private static long busyTicks() throws IOException {
    String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
    long busy = 0;
    for (int i = 1; i < cpu.length && i <= 8; i++) {
      if (i != 4 && i != 5) {
        busy += Long.parseLong(cpu[i]);
      }
    }
    return busy;
  }

  private static long ownTicks() throws IOException {
    return ticks(Files.readString(Path.of("/proc/self/stat")));
  }

  /** utime + stime of one /proc/PID/stat line. */
  private static long ticks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /**
   * CPU ticks of each process of the running system, with its children (PostgreSQL's backends, the
   * Kafka broker's JVM under its wrapper), by component name.
   */
  private static Map<String, Long> processTicks(Path home) throws IOException {
    Map<String, Long> ticks = new TreeMap<>();
    Properties properties = state(home);
    Map<Long, List<Long>> children = new java.util.HashMap<>();
    Map<Long, Long> own = new java.util.HashMap<>();
    try (var proc = Files.list(Path.of("/proc"))) {
      for (Path dir : proc.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String stat = Files.readString(dir.resolve("stat"));
          long pid = Long.parseLong(dir.getFileName().toString());
          long parent = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
          children.computeIfAbsent(parent, p -> new ArrayList<>()).add(pid);
          own.put(pid, ticks(stat));
        } catch (IOException | RuntimeException gone) {
          // the process ended while we looked
        }
      }
    }
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith("component.") && key.endsWith(".pid")) {
        long pid = Long.parseLong(properties.getProperty(key));
        if (pid > 0) {
          String name = key.substring("component.".length(), key.length() - ".pid".length());
          ticks.put(name, tree(pid, children, own));
        }
      }
    }
    return ticks;
  }

  private static long tree(long pid, Map<Long, List<Long>> children, Map<Long, Long> own) {
    long sum = own.getOrDefault(pid, 0L);
    for (long child : children.getOrDefault(pid, List.of())) {
      sum += tree(child, children, own);
    }
    return sum;
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

  private static double percentile(List<Long> nanos, double percentile) {
    if (nanos.isEmpty()) {
      return Double.NaN;
    }
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
  }
}
