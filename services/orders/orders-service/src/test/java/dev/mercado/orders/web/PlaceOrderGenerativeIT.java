package dev.mercado.orders.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercado.identity.api.DemoCustomers;
import dev.mercado.testkit.Infrastructure;
import dev.mercado.testkit.TestIdentity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generated bad input against {@code POST /api/v1/orders} on a running orders service over its real
 * PostgreSQL (issue 14; design for failure, F8): arbitrary JSON bodies (well-formed orders with
 * fields swapped for values of any type, huge and fractional numbers, random JSON, text that is not
 * JSON, deep nesting, long numbers), headers (tokens, Idempotency-Key, Content-Type, Accept) and
 * paths (encoded traversal, NUL, bad escapes, long paths), sent over a raw socket so that nothing
 * normalises them. For every request:
 *
 * <ul>
 *   <li>never a 5xx: bad input is the client's error, and the database is up;
 *   <li>every error is {@code application/problem+json} whose {@code status} is the answer's, with
 *       no exception name, stack trace or HTML;
 *   <li>a refused request stores nothing: no order, no claimed Idempotency-Key (R7: a request is
 *       either accepted whole or not at all);
 *   <li>an accepted POST is a 202 that stored at most one order; a GET that reaches a read route
 *       (the generator sometimes sends a valid order with another method) is a 200 that stored
 *       nothing.
 * </ul>
 *
 * Bounded: {@code mercado.generative.tries} requests (default 300) or {@code
 * mercado.generative.seconds} (default 60), whichever comes first. The seed is printed and named in
 * every failure; {@code -Dmercado.generative.seed=<seed>} replays a run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlaceOrderGenerativeIT {

  private static final UUID MUG = UUID.fromString("0b7d6a52-3f2e-4b8e-9a51-6f1c2d3e4a01");
  private static final UUID DOLLAR_CUP = UUID.fromString("0b7d6a52-3f2e-4b8e-9a51-6f1c2d3e4a02");
  private static final UUID YACHT = UUID.fromString("0b7d6a52-3f2e-4b8e-9a51-6f1c2d3e4a03");
  private static final int TRIES = Integer.getInteger("mercado.generative.tries", 300);
  private static final Duration BUDGET =
      Duration.ofSeconds(Integer.getInteger("mercado.generative.seconds", 60));

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "orders");
    registry.add("spring.kafka.bootstrap-servers", Infrastructure::kafka);
    TestIdentity.register(registry);
  }

  private final TestIdentity identity = TestIdentity.get();
  private final String admin = identity.adminToken();
  private final String alice = identity.customerToken(DemoCustomers.ALICE_ID);

  @Value("${local.server.port}")
  int port;

  @Autowired JdbcClient jdbc;

  /** The products bodies name, straight into orders' copy of the catalogue. */
  @BeforeEach
  void catalogueKnowsTheProducts() {
    copy(MUG, "MUG-001", "12.50", "EUR");
    copy(DOLLAR_CUP, "CUP-USD", "3.00", "USD");
    copy(YACHT, "YACHT-1", "9999999999.99", "EUR");
  }

  @Test
  void neverAnswers5xxAlwaysAProblemAndStoresNothingForARefusal() throws Exception {
    long seed = Long.getLong("mercado.generative.seed", System.nanoTime());
    System.out.println("PlaceOrderGenerativeIT seed " + seed);
    Generator generate = new Generator(new Random(seed));
    Map<String, Integer> kinds = new TreeMap<>();
    Map<Integer, Integer> statuses = new TreeMap<>();
    Instant deadline = Instant.now().plus(BUDGET);
    int tried = 0;
    while (tried < TRIES && Instant.now().isBefore(deadline)) {
      tried++;
      Request request = generate.request();
      long ordersBefore = count("customer_order");
      long keysBefore = count("idempotency_key");

      Answer answer = send(request);

      String context = "seed " + seed + ", try " + tried + ": " + request + "\n→ " + answer;
      kinds.merge(request.kind(), 1, Integer::sum);
      statuses.merge(answer.status(), 1, Integer::sum);
      assertThat(answer.status()).as(context).isBetween(200, 499);
      if (answer.status() >= 400) {
        assertProblem(answer, context);
        assertThat(count("customer_order")).as("order stored: " + context).isEqualTo(ordersBefore);
        assertThat(count("idempotency_key")).as("key claimed: " + context).isEqualTo(keysBefore);
      } else if (request.method().equals("GET")) {
        assertThat(answer.status()).as(context).isEqualTo(200);
        assertThat(answer.header("content-type")).as(context).startsWith("application/json");
        assertThat(count("customer_order")).as(context).isEqualTo(ordersBefore);
      } else {
        assertThat(answer.status()).as(context).isEqualTo(202);
        assertThat(answer.header("content-type")).as(context).startsWith("application/json");
        assertThat(count("customer_order") - ordersBefore).as(context).isBetween(0L, 1L);
      }
    }
    System.out.println(
        "PlaceOrderGenerativeIT: "
            + tried
            + " requests, kinds "
            + kinds
            + ", statuses "
            + statuses);
    assertThat(tried).as("requests within the time budget").isGreaterThanOrEqualTo(50);
  }

  private static void assertProblem(Answer answer, String context) {
    assertThat(answer.header("content-type")).as(context).startsWith("application/problem+json");
    JsonNode problem = JsonMapper.shared().readTree(answer.body());
    assertThat(problem.path("status").asInt()).as(context).isEqualTo(answer.status());
    assertThat(problem.path("title").asString()).as(context).isNotBlank();
    assertThat(answer.body())
        .as(context)
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("<html")
        .doesNotContain("org.springframework")
        .doesNotContain("org.apache");
  }

  private long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }

  private void copy(UUID product, String sku, String price, String currency) {
    jdbc.sql(
            "INSERT INTO product_copy (product_id, sku, name, price_amount, price_currency,"
                + " version) VALUES (?, ?, ?, ?::numeric, ?, 1) ON CONFLICT (product_id) DO NOTHING")
        .params(product, sku, sku, price, currency)
        .update();
  }

  /** One request as sent on the wire; {@code kind} names how it was generated. */
  record Request(
      String kind, String method, String target, Map<String, String> headers, byte[] body) {

    @Override
    public String toString() {
      String text = new String(body, StandardCharsets.UTF_8);
      return kind
          + " "
          + method
          + " "
          + target
          + " "
          + headers.keySet()
          + " "
          + (text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + ")" : text);
    }
  }

  record Answer(int status, Map<String, String> headers, String body) {

    String header(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
    }

    @Override
    public String toString() {
      return status + " " + headers.get("content-type") + " " + body;
    }
  }

  /** HTTP/1.1 over a plain socket: the target and headers go out exactly as generated. */
  private Answer send(Request request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) Duration.ofSeconds(20).toMillis());
      StringBuilder lines = new StringBuilder();
      request
          .headers()
          .forEach((name, value) -> lines.append(name).append(": ").append(value).append("\r\n"));
      String start =
          request.method()
              + " "
              + request.target()
              + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
              + lines
              + "Content-Length: "
              + request.body().length
              + "\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(start.getBytes(StandardCharsets.UTF_8));
      out.write(request.body());
      out.flush();
      ByteArrayOutputStream raw = new ByteArrayOutputStream();
      try (InputStream in = socket.getInputStream()) {
        in.transferTo(raw);
      } catch (IOException e) {
        // the server may close after answering while the body is still being sent
      }
      return parse(raw.toByteArray());
    }
  }

  private static Answer parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    assertThat(end).as("an HTTP answer: " + text).isPositive();
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    String body = text.substring(end + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Answer(
        status,
        headers,
        new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
  }

  private static String dechunk(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (true) {
      int lineEnd = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
      if (size == 0) {
        return body.toString();
      }
      body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
  }

  /** Generates requests from one seeded {@link Random}: the same seed, the same requests. */
  private final class Generator {

    private static final String[] PATHS = {
      "/api/v1/orders/",
      "/api/v1/orders?customerId=x",
      "/api/v1/orders/%00",
      "/api/v1/orders/..%2F..%2Fx",
      "/api/v1/orders/%2e%2e/%2e%2e/actuator/health",
      "/api/v1/orders/..;/..;/x",
      "/api/v1/orders;jsessionid=1",
      "/api/v1//orders",
      "/api/v1/orders/%ZZ",
      "/api/v1/orders/%C0%AE%C0%AE",
      "/api/v1/orders/" + UUID.randomUUID(),
      "/api/v1/orders/not-a-uuid",
      "/api/v1/orders/%5C..%5C..%5Cx",
      "/api/v1/orders/" + "a".repeat(4000),
    };
    private static final String[] CONTENT_TYPES = {
      "text/plain",
      "application/xml",
      "application/json; charset=UTF-16",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "nonsense",
      "application/problem+json",
    };
    private static final String[] ACCEPTS = {
      "text/html", "application/xml", "*/*", "application/json", "image/png"
    };

    private final Random random;
    private final String reusedKey = UUID.randomUUID().toString();

    Generator(Random random) {
      this.random = random;
    }

    Request request() {
      Map<String, String> headers = new LinkedHashMap<>();
      String kind;
      String token = token();
      if (token != null) {
        headers.put("Authorization", token);
      }
      headers.put("Content-Type", chance(85) ? "application/json" : pick(CONTENT_TYPES));
      if (chance(30)) {
        headers.put("Accept", pick(ACCEPTS));
      }
      String key = key();
      if (key != null) {
        headers.put("Idempotency-Key", key);
      }
      String body;
      switch (random.nextInt(10)) {
        case 0, 1 -> {
          kind = "valid-order";
          body = order(token, false);
        }
        case 2, 3, 4 -> {
          kind = "mutated-order";
          body = order(token, true);
        }
        case 5 -> {
          kind = "total-overflow";
          body = overflow();
        }
        case 6 -> {
          kind = "random-json";
          body = value(0);
        }
        case 7 -> {
          kind = "not-json";
          body = notJson();
        }
        default -> {
          kind = "valid-order-odd-path";
          body = order(token, false);
        }
      }
      String method = "POST";
      String target = "/api/v1/orders";
      if (kind.equals("valid-order-odd-path")) {
        target = pick(PATHS);
        if (chance(20)) {
          method = pick(new String[] {"PUT", "DELETE", "PATCH", "GET"});
        }
      }
      return new Request(kind, method, target, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private String token() {
      int draw = random.nextInt(100);
      if (draw < 65) {
        return "Bearer " + admin;
      } else if (draw < 80) {
        return "Bearer " + alice;
      } else if (draw < 85) {
        return null;
      } else if (draw < 90) {
        return "Bearer " + admin.substring(0, admin.length() - 3) + "abc";
      } else if (draw < 95) {
        return "Basic YWRtaW46YWRtaW4=";
      }
      return "Bearer " + printable(1 + random.nextInt(200));
    }

    private String key() {
      int draw = random.nextInt(100);
      if (draw < 70) {
        return UUID.randomUUID().toString();
      } else if (draw < 78) {
        return reusedKey;
      } else if (draw < 84) {
        return null;
      } else if (draw < 88) {
        return " ";
      } else if (draw < 94) {
        return "k".repeat(100 + random.nextInt(3));
      }
      return printable(1 + random.nextInt(120));
    }

    /** A well-formed order, with up to three fields replaced by anything when mutated. */
    private String order(String token, boolean mutate) {
      Map<String, Supplier<String>> fields = new LinkedHashMap<>();
      boolean customer = token != null && token.contains(alice);
      if (!customer || chance(20)) {
        fields.put("customerId", () -> quote("c-gen-" + random.nextInt(50)));
      }
      fields.put("lines", () -> lines(mutate));
      fields.put("cardToken", () -> quote("tok_visa"));
      List<String> names = new ArrayList<>(fields.keySet());
      Map<String, String> values = new LinkedHashMap<>();
      fields.forEach((name, value) -> values.put(name, value.get()));
      if (mutate) {
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
          int which = random.nextInt(names.size() + 2);
          if (which < names.size()) {
            values.put(names.get(which), value(1));
          } else if (which == names.size()) {
            values.put(printable(1 + random.nextInt(10)), value(1));
          } else {
            values.remove(names.get(random.nextInt(names.size())));
          }
        }
      }
      return object(values);
    }

    private String lines(boolean mutate) {
      int count = mutate && chance(10) ? random.nextInt(60) : 1 + random.nextInt(3);
      List<String> lines = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        Map<String, String> line = new LinkedHashMap<>();
        line.put(
            "productId",
            quote((chance(90) ? MUG : chance(50) ? DOLLAR_CUP : UUID.randomUUID()).toString()));
        line.put("quantity", Integer.toString(1 + random.nextInt(5)));
        if (mutate && chance(40)) {
          line.put(chance(50) ? "productId" : "quantity", number());
        }
        lines.add(object(line));
      }
      return "[" + String.join(",", lines) + "]";
    }

    /** Totals just under, at and far over what an order may hold. */
    private String overflow() {
      String product = quote((chance(50) ? YACHT : MUG).toString());
      String quantity =
          pick(
              new String[] {
                "1", "2", "1000000000", "799999999", "800000000", "2147483647", "2147483648"
              });
      return "{\"customerId\":\"c-gen-big\",\"lines\":[{\"productId\":"
          + product
          + ",\"quantity\":"
          + quantity
          + "}],\"cardToken\":\"tok_visa\"}";
    }

    private String notJson() {
      return switch (random.nextInt(8)) {
        case 0 -> "";
        case 1 -> printable(random.nextInt(500));
        case 2 -> "{\"customerId\":\"c-1\",\"lines\":[{\"productId\":";
        case 3 -> "[".repeat(600 + random.nextInt(2000));
        case 4 -> "{\"lines\":[{\"quantity\":" + "9".repeat(1001 + random.nextInt(2000)) + "}]}";
        case 5 -> "{\"a\":1,\"a\":2}";
        case 6 -> "customerId=c-1&cardToken=tok";
        default -> "\u0000\u0001\uFFFF\uD83D\uDE00" + printable(20);
      };
    }

    /** Any JSON value; nested values become rarer with depth. */
    private String value(int depth) {
      int draw = random.nextInt(depth > 3 ? 7 : 9);
      return switch (draw) {
        case 0 -> "null";
        case 1 -> random.nextBoolean() ? "true" : "false";
        case 2, 3 -> number();
        case 4, 5 ->
            quote(chance(50) ? printable(random.nextInt(40)) : unicode(random.nextInt(40)));
        case 6 -> quote("x".repeat(random.nextInt(5000)));
        case 7 -> {
          List<String> items = new ArrayList<>();
          for (int i = random.nextInt(5); i > 0; i--) {
            items.add(value(depth + 1));
          }
          yield "[" + String.join(",", items) + "]";
        }
        default -> {
          Map<String, String> members = new LinkedHashMap<>();
          for (int i = random.nextInt(5); i > 0; i--) {
            members.put(
                pick(new String[] {"customerId", "lines", "cardToken", "productId", "quantity"}),
                value(depth + 1));
          }
          yield object(members);
        }
      };
    }

    private String number() {
      return pick(
          new String[] {
            "0",
            "-1",
            "1.5",
            "1.0",
            "1e3",
            "-0",
            "2147483647",
            "2147483648",
            "-2147483649",
            "9223372036854775808",
            "1e400",
            "0.0000001",
            Integer.toString(random.nextInt()),
            Double.toString(random.nextDouble() * 1e6),
            "1" + "0".repeat(30),
          });
    }

    private String object(Map<String, String> members) {
      List<String> pairs = new ArrayList<>();
      members.forEach((name, value) -> pairs.add(quote(name) + ":" + value));
      return "{" + String.join(",", pairs) + "}";
    }

    private String quote(String text) {
      StringBuilder quoted = new StringBuilder("\"");
      for (char c : text.toCharArray()) {
        if (c == '"' || c == '\\') {
          quoted.append('\\').append(c);
        } else if (c < 0x20) {
          quoted.append(String.format("\\u%04x", (int) c));
        } else {
          quoted.append(c);
        }
      }
      return quoted.append('"').toString();
    }

    /** Visible ASCII, as a header value or a token may hold it. */
    private String printable(int length) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < length; i++) {
        text.append((char) (0x21 + random.nextInt(0x7e - 0x21)));
      }
      return text.toString();
    }

    private String unicode(int length) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < length; i++) {
        text.appendCodePoint(random.nextInt(0x2FFFF));
      }
      return text.toString().replaceAll("[\\uD800-\\uDFFF]", "?");
    }

    private boolean chance(int percent) {
      return random.nextInt(100) < percent;
    }

    private <T> T pick(T[] options) {
      return options[random.nextInt(options.length)];
    }
  }
}
