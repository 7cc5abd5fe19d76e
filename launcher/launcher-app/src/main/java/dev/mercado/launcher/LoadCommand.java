package dev.mercado.launcher;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./mercado load}: shoppers on a running system, so that dashboards, traces and logs have
 * something to show (issue 15). Visits arrive at a constant rate (open model) and each is one of:
 * browse a page of the catalogue, search it, view a product, place an order (one or two lines, a
 * valid card most of the time, a declined or underfunded one sometimes, a fresh {@code
 * Idempotency-Key} each), or read an order placed earlier. Everything goes through the gateway as
 * the demo customer alice. One live line shows the rate, the answers by status and the orders by
 * final state; at the end the orders still in flight are followed to their end (at most a minute).
 *
 * <p>Bounded: at most {@link #MAX_RATE} visits a second for at most {@link #MAX_SECONDS} seconds,
 * loopback only (the gateway's URL from the running {@code up}).
 */
final class LoadCommand {

  static final String USAGE =
      """
      Usage: ./mercado load [--rate N] [--for SECONDS]
      Shoppers through the gateway: N visits a second (default 5, at most 200) for SECONDS
      (default 60, at most 3600): browse, search, view products, place orders (some with
      declined cards), read them. Ctrl-C stops early.""";

  static final int DEFAULT_RATE = 5;
  static final int MAX_RATE = 200;
  static final long DEFAULT_SECONDS = 60;
  static final long MAX_SECONDS = 3600;

  private static final Set<String> FINAL = Set.of("CONFIRMED", "CANCELLED", "REJECTED");
  private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
  private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");
  private static final Pattern TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");
  private static final String[] WORDS = {"mug", "tea", "coffee", "book", "lamp", "pen", "bag"};

  /** How a visit is chosen, out of 100. */
  private static final int BROWSE = 30;

  private static final int SEARCH = 45;
  private static final int VIEW = 70;
  private static final int ORDER = 90;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String gateway;
  private final String identity;
  private final Console console;
  private final List<String> products = new ArrayList<>();
  private final ConcurrentLinkedQueue<String> inFlight = new ConcurrentLinkedQueue<>();
  private final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> finals = new ConcurrentHashMap<>();
  private final AtomicLong visits = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  /** Requests sent and not answered yet: an order being read is in neither queue nor finals. */
  private final AtomicLong outstanding = new AtomicLong();

  private volatile String token;

  private LoadCommand(String gateway, String identity, Console console) {
    this.gateway = gateway;
    this.identity = identity;
    this.console = console;
  }

  /** Parses {@code --rate N} and {@code --for SECONDS} and runs the load; returns the exit code. */
  static int run(RunState state, List<String> args, Console console) throws Exception {
    int rate = DEFAULT_RATE;
    long seconds = DEFAULT_SECONDS;
    try {
      for (int i = 0; i < args.size(); i++) {
        switch (args.get(i)) {
          case "--rate" -> rate = (int) bounded(args, ++i, "--rate", MAX_RATE);
          case "--for" -> seconds = bounded(args, ++i, "--for", MAX_SECONDS);
          default -> throw new IllegalArgumentException("unknown option " + args.get(i));
        }
      }
    } catch (IllegalArgumentException e) {
      console.line(e.getMessage());
      console.line(USAGE);
      return 2;
    }
    Optional<String> gateway = url(state, "gateway");
    Optional<String> identity = url(state, "identity");
    if (gateway.isEmpty() || identity.isEmpty()) {
      console.line("the running system has no gateway or identity to send shoppers to");
      return 1;
    }
    return new LoadCommand(gateway.get(), identity.get(), console).load(rate, seconds);
  }

  private static long bounded(List<String> args, int index, String option, long max) {
    if (index >= args.size()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    try {
      long value = Long.parseLong(args.get(index));
      if (value >= 1 && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " takes a whole number from 1 to " + max);
  }

  private static Optional<String> url(RunState state, String name) {
    return state.entries().stream()
        .filter(entry -> entry.name().equals(name))
        .map(RunState.Entry::url)
        .findFirst();
  }

  private int load(int rate, long seconds) throws Exception {
    token = customerToken();
    long tokenAt = System.nanoTime();
    String catalogue =
        http.send(
                getRequest("/api/v1/catalog/products?size=50", false),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher ids = ID.matcher(catalogue);
    while (ids.find()) {
      products.add(ids.group(1));
    }
    if (products.isEmpty()) {
      console.line("the catalogue is empty: nothing to shop for");
      return 1;
    }
    console.line(
        "shoppers: "
            + rate
            + " visits/s for "
            + seconds
            + " s through "
            + gateway
            + " ("
            + products.size()
            + " products)");
    boolean terminal = System.console() != null;
    long start = System.nanoTime();
    long interval = 1_000_000_000L / rate;
    long total = rate * seconds;
    long lastLine = start;
    for (long i = 0; i < total; i++) {
      long due = start + i * interval;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      if (System.nanoTime() - tokenAt > Duration.ofMinutes(2).toNanos()) {
        token = customerToken(); // identity's tokens live 5 minutes
        tokenAt = System.nanoTime();
      }
      visit();
      if (System.nanoTime() - lastLine > (terminal ? 1_000_000_000L : 5_000_000_000L)) {
        lastLine = System.nanoTime();
        show(terminal, (lastLine - start) / 1e9);
      }
    }
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while ((!inFlight.isEmpty() || outstanding.get() > 0) && System.nanoTime() < deadline) {
      Thread.sleep(1_000);
      for (int n = inFlight.size(); n > 0; n--) {
        String order = inFlight.poll();
        if (order != null) {
          readOrder(order);
        }
      }
    }
    show(terminal, (System.nanoTime() - start) / 1e9);
    if (terminal) {
      console.line("");
    }
    console.line(
        "done: "
            + visits.get()
            + " visits, answers "
            + snapshot(answers)
            + ", orders "
            + snapshot(finals)
            + (inFlight.isEmpty() ? "" : ", " + inFlight.size() + " still in flight"));
    return 0;
  }

  private void visit() {
    visits.incrementAndGet();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    int draw = random.nextInt(100);
    String product = products.get(random.nextInt(products.size()));
    if (draw < BROWSE) {
      send(getRequest("/api/v1/catalog/products?page=" + random.nextInt(3), false), null);
    } else if (draw < SEARCH) {
      String word = WORDS[random.nextInt(WORDS.length)];
      send(
          getRequest(
              "/api/v1/catalog/products?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8),
              false),
          null);
    } else if (draw < VIEW) {
      send(getRequest("/api/v1/catalog/products/" + product, false), null);
    } else if (draw < ORDER || inFlight.isEmpty()) {
      send(orderRequest(random, product), inFlight::add);
    } else {
      String order = inFlight.poll();
      if (order != null) {
        readOrder(order);
      }
    }
  }

  private HttpRequest orderRequest(ThreadLocalRandom random, String product) {
    String second = products.get(random.nextInt(products.size()));
    String lines =
        "{\"productId\":\""
            + product
            + "\",\"quantity\":1}"
            + (random.nextBoolean() && !second.equals(product)
                ? ",{\"productId\":\"" + second + "\",\"quantity\":1}"
                : "");
    int card = random.nextInt(100);
    String cardToken =
        card < 85 ? "tok_visa" : card < 95 ? "tok_declined" : "tok_insufficient_funds";
    return HttpRequest.newBuilder(URI.create(gateway + "/api/v1/orders"))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(
            HttpRequest.BodyPublishers.ofString(
                "{\"lines\":[" + lines + "],\"cardToken\":\"" + cardToken + "\"}"))
        .build();
  }

  /** Reads an order; one that is not final yet goes back in the queue. */
  private void readOrder(String order) {
    outstanding.incrementAndGet();
    http.sendAsync(
            getRequest("/api/v1/orders/" + order, true), HttpResponse.BodyHandlers.ofString())
        .whenComplete(
            (response, failure) -> {
              try {
                if (failure != null) {
                  failures.incrementAndGet();
                  inFlight.add(order);
                  return;
                }
                count(answers, Integer.toString(response.statusCode()));
                Matcher status = STATUS.matcher(response.body());
                if (response.statusCode() == 200
                    && status.find()
                    && FINAL.contains(status.group(1))) {
                  count(finals, status.group(1));
                } else if (response.statusCode() != 404) {
                  inFlight.add(order);
                }
              } finally {
                outstanding.decrementAndGet();
              }
            });
  }

  private void send(HttpRequest request, java.util.function.Consumer<String> placed) {
    outstanding.incrementAndGet();
    http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .whenComplete(
            (response, failure) -> {
              try {
                if (failure != null) {
                  failures.incrementAndGet();
                  return;
                }
                count(answers, Integer.toString(response.statusCode()));
                if (placed != null && response.statusCode() == 202) {
                  Matcher id = ID.matcher(response.body());
                  if (id.find()) {
                    placed.accept(id.group(1));
                  }
                }
              } finally {
                outstanding.decrementAndGet();
              }
            });
  }

  private HttpRequest getRequest(String path, boolean authenticated) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30));
    if (authenticated) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.build();
  }

  /**
   * The demo customer alice's token from identity's dev-token endpoint, which {@code ./mercado up}
   * enables for the {@code dev-scripts} client and its demo secret.
   */
  private String customerToken() throws Exception {
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(identity + "/api/v1/identity/dev/tokens"))
                .timeout(Duration.ofSeconds(10))
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(
                                "dev-scripts:dev-scripts-demo-secret"
                                    .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"alice\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher matcher = TOKEN.matcher(answer.body());
    if (answer.statusCode() != 200 || !matcher.find()) {
      throw new IllegalStateException(
          "identity gave no token for alice (HTTP " + answer.statusCode() + ")");
    }
    return matcher.group(1);
  }

  private void show(boolean terminal, double elapsed) {
    String line =
        String.format(
            "[%6.1fs] %.1f visits/s, answers %s, %d failed, orders %s, %d in flight",
            elapsed,
            visits.get() / Math.max(elapsed, 0.001),
            snapshot(answers),
            failures.get(),
            snapshot(finals),
            inFlight.size());
    if (terminal) {
      System.out.print("\r" + line + "   ");
      System.out.flush();
    } else {
      console.line(line);
    }
  }

  private static void count(Map<String, AtomicLong> counts, String key) {
    counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
  }

  private static Map<String, Long> snapshot(Map<String, AtomicLong> counts) {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((key, value) -> copy.put(key, value.get()));
    return copy;
  }
}
