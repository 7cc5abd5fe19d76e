package dev.mercado.systemtests;

import dev.mercado.systemtests.Checkouts.Attempt;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The fault suite's checker (Jepsen's checker): once the faults are over, reads what the system
 * holds — every order of the suite's products, the catalogue's stock, both payment providers'
 * ledgers and the mailbox — and compares it with what the clients were told. It waits, bounded,
 * until the system has settled (every order final, every capture made, every stray authorization
 * voided by payments' reconciliation, every e-mail sent), then states every broken invariant with
 * its numbers and one row per fault window.
 */
final class FaultChecker {

  /** The goal of issue 14 part 3: an order placed once a service is back is confirmed this fast. */
  static final Duration CONFIRMATION_AFTER_RECOVERY = Duration.ofSeconds(5);

  private static final Set<String> FINAL = Set.of("CONFIRMED", "CANCELLED", "REJECTED");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * One fault's time: injected at {@code start}, healed (the component reports ready again) at
   * {@code healed}, and the next fault starts at {@code end}. {@code outage} says whether part 3's
   * goal of no cancelled order holds for it, {@code timed} whether its goal of a confirmation
   * within {@link #CONFIRMATION_AFTER_RECOVERY} of recovery does.
   */
  record Window(
      String fault, boolean outage, boolean timed, Instant start, Instant healed, Instant end) {}

  /**
   * One row of the printed table. {@code firstConfirmationDuring}: seconds from the injection to
   * the first confirmation of an order placed after it, while the fault held (how soon the
   * survivors carried the load); {@code firstConfirmation}: the same from the recovery. Null when
   * nothing was measured.
   */
  record Row(
      String fault,
      int placed,
      int accepted,
      int cancelledByFault,
      int lost,
      int doubleCharges,
      Double firstConfirmationDuring,
      Double firstConfirmation) {}

  /** {@code notes}: what is worth knowing but breaks no invariant, one line each. */
  record Report(List<Row> rows, List<String> violations, String table, String notes) {}

  private record OrderView(
      String id, String status, Map<UUID, Integer> lines, Instant confirmedAt, String reasons) {}

  /** One look at everything the checker compares. */
  private record Reading(
      Map<String, OrderView> orders,
      Map<String, Charges> charges,
      Map<String, Integer> mails,
      Map<UUID, Integer> stock) {}

  /** What the providers hold for one order: authorizations ever captured, and still open. */
  private record Charges(int captured, int capturedNow, int open) {}

  private final Shop shop;
  private final List<String> providers;
  private final String mailbox;
  private final Map<UUID, Integer> initialStock;

  /** Deliveries of a message the mailbox already held (same Message-ID), at the last reading. */
  private int resent;

  private final UUID plentiful;

  /**
   * @param providers the API base URLs of both payment providers
   * @param mailbox the mail simulator's {@code /messages} URL
   * @param initialStock every product of the suite with the stock it was created with
   * @param plentiful the product whose stock cannot run out; every other one is scarce
   */
  FaultChecker(
      Shop shop,
      List<String> providers,
      String mailbox,
      Map<UUID, Integer> initialStock,
      UUID plentiful) {
    this.shop = shop;
    this.providers = List.copyOf(providers);
    this.mailbox = mailbox;
    this.initialStock = Map.copyOf(initialStock);
    this.plentiful = plentiful;
  }

  Report check(
      List<Attempt> attempts,
      List<Window> windows,
      Map<UUID, Integer> lowestStockSeen,
      Duration settleAtMost)
      throws Exception {
    Set<String> accepted =
        attempts.stream()
            .map(Attempt::orderId)
            .filter(id -> id != null)
            .collect(Collectors.toSet());

    // settle: the same reading twice in a row, 3 s apart, with nothing left to happen
    Instant deadline = Instant.now().plus(settleAtMost);
    String previous = null;
    Reading reading;
    while (true) {
      reading = new Reading(orders(accepted), charges(), mails(), stock());
      boolean settled = settled(reading);
      if ((settled && reading.toString().equals(previous)) || Instant.now().isAfter(deadline)) {
        break;
      }
      previous = settled ? reading.toString() : null;
      if (!settled) {
        System.out.println(Instant.now() + " fault suite: not settled yet: " + unsettled(reading));
      }
      Thread.sleep(3_000); // the next reading, not a wait for one result
    }
    Map<String, OrderView> orders = reading.orders();
    Map<String, Charges> held = reading.charges();
    Map<String, Integer> sent = reading.mails();
    Map<UUID, Integer> stock = reading.stock();

    List<String> violations = new ArrayList<>();
    Map<String, Attempt> byOrder = new HashMap<>();
    for (Attempt attempt : attempts) {
      if (attempt.orderId() != null) {
        byOrder.put(attempt.orderId(), attempt);
      }
    }
    List<String> lost = accepted.stream().filter(id -> !orders.containsKey(id)).sorted().toList();
    check(violations, lost.isEmpty(), "accepted orders lost: %d %s", lost.size(), lost);
    // placed although the client was told 503 or heard nothing: no promise broken (the client was
    // not told "accepted"), and every other invariant holds for them too
    List<String> untold =
        orders.keySet().stream().filter(id -> !byOrder.containsKey(id)).sorted().toList();
    List<String> notFinal = ids(orders, order -> !FINAL.contains(order.status()));
    check(violations, notFinal.isEmpty(), "orders not final: %d %s", notFinal.size(), notFinal);

    // charges: exact counts over both providers
    Charges none = new Charges(0, 0, 0);
    List<String> confirmedNotCapturedOnce =
        ids(
            orders,
            order ->
                order.status().equals("CONFIRMED")
                    && (held.getOrDefault(order.id(), none).captured() != 1
                        || held.getOrDefault(order.id(), none).capturedNow() != 1));
    check(
        violations,
        confirmedNotCapturedOnce.isEmpty(),
        "confirmed orders not captured exactly once: %d %s",
        confirmedNotCapturedOnce.size(),
        describe(confirmedNotCapturedOnce, held));
    List<String> capturedNotConfirmed =
        ids(
            orders,
            order ->
                !order.status().equals("CONFIRMED")
                    && held.getOrDefault(order.id(), none).captured() != 0);
    check(
        violations,
        capturedNotConfirmed.isEmpty(),
        "orders captured though not confirmed: %d %s",
        capturedNotConfirmed.size(),
        describe(capturedNotConfirmed, held));
    List<String> open = ids(orders, order -> held.getOrDefault(order.id(), none).open() != 0);
    check(
        violations,
        open.isEmpty(),
        "authorizations left open after reconciliation: %d orders %s",
        open.size(),
        describe(open, held));
    List<String> declinedConfirmed =
        ids(
            orders,
            order ->
                order.status().equals("CONFIRMED")
                    && byOrder.containsKey(order.id())
                    && !byOrder.get(order.id()).validCard());
    check(
        violations,
        declinedConfirmed.isEmpty(),
        "orders with a declined card confirmed: %d %s",
        declinedConfirmed.size(),
        declinedConfirmed);

    // stock: never negative, and conserved
    for (Map.Entry<UUID, Integer> product : initialStock.entrySet()) {
      int confirmed = 0;
      for (OrderView order : orders.values()) {
        if (order.status().equals("CONFIRMED")) {
          confirmed += order.lines().getOrDefault(product.getKey(), 0);
        }
      }
      Integer available = stock.get(product.getKey());
      check(
          violations,
          available != null && available == product.getValue() - confirmed,
          "stock of %s not conserved: initial %d - confirmed %d != available %s",
          product.getKey(),
          product.getValue(),
          confirmed,
          available);
      int lowest = lowestStockSeen.getOrDefault(product.getKey(), 0);
      check(violations, lowest >= 0, "stock of %s seen at %d", product.getKey(), lowest);
    }

    // e-mail: exactly one per final order
    List<String> notOneMail =
        ids(
            orders,
            order -> FINAL.contains(order.status()) && sent.getOrDefault(order.id(), 0) != 1);
    check(
        violations,
        notOneMail.isEmpty(),
        "final orders without exactly one e-mail: %d %s",
        notOneMail.size(),
        notOneMail.stream().limit(20).map(id -> id + "=" + sent.getOrDefault(id, 0)).toList());

    // what the clients saw: 2xx, 4xx, or 503 with Retry-After; no answer only while the gateway
    // itself is down
    List<Row> rows = new ArrayList<>();
    for (int index = 0; index < windows.size(); index++) {
      Window window = windows.get(index);
      int w = index;
      List<Attempt> in = attempts.stream().filter(attempt -> attempt.window() == w).toList();
      Map<String, Long> wrong =
          in.stream()
              .filter(attempt -> !allowed(attempt, window))
              .collect(
                  Collectors.groupingBy(
                      attempt ->
                          attempt.status() == -1
                              ? "no answer"
                              : attempt.status() == 503
                                  ? "503 without Retry-After"
                                  : Integer.toString(attempt.status()),
                      LinkedHashMap::new,
                      Collectors.counting()));
      check(
          violations,
          wrong.isEmpty(),
          "%s: clients saw %s (e.g. %s)",
          window.fault(),
          wrong,
          in.stream()
              .filter(attempt -> !allowed(attempt, window))
              .map(attempt -> attempt.status() + " " + abbreviate(attempt.error()))
              .findFirst()
              .orElse(""));

      int cancelledByFault = 0;
      int lostHere = 0;
      int doubleCharges = 0;
      Instant firstConfirmed = null;
      Instant firstConfirmedDuring = null;
      List<String> cancelledIds = new ArrayList<>();
      for (Attempt attempt : in) {
        if (attempt.orderId() == null) {
          continue;
        }
        OrderView order = orders.get(attempt.orderId());
        if (order == null) {
          lostHere++;
          continue;
        }
        if (byFault(attempt, order)) {
          cancelledByFault++;
          cancelledIds.add(order.id() + " (" + order.reasons() + ")");
        }
        if (held.getOrDefault(order.id(), none).captured() > 1) {
          doubleCharges++;
        }
        if (attempt.accepted()
            && !attempt.sentAt().isBefore(window.start())
            && attempt.sentAt().isBefore(window.healed())
            && order.confirmedAt() != null
            && (firstConfirmedDuring == null
                || order.confirmedAt().isBefore(firstConfirmedDuring))) {
          firstConfirmedDuring = order.confirmedAt();
        }
        if (attempt.accepted()
            && !attempt.sentAt().isBefore(window.healed())
            && order.confirmedAt() != null
            && (firstConfirmed == null || order.confirmedAt().isBefore(firstConfirmed))) {
          firstConfirmed = order.confirmedAt();
        }
      }
      Double seconds =
          firstConfirmed == null
              ? null
              : Duration.between(window.healed(), firstConfirmed).toMillis() / 1000.0;
      rows.add(
          new Row(
              window.fault(),
              in.size(),
              (int) in.stream().filter(Attempt::accepted).count(),
              cancelledByFault,
              lostHere,
              doubleCharges,
              firstConfirmedDuring == null
                  ? null
                  : Duration.between(window.start(), firstConfirmedDuring).toMillis() / 1000.0,
              seconds));
      if (window.outage()) {
        check(
            violations,
            cancelledByFault == 0,
            "%s: %d orders cancelled because of the fault (goal 0): %s",
            window.fault(),
            cancelledByFault,
            cancelledIds.stream().limit(5).toList());
      }
      if (window.timed()) {
        long afterRecovery =
            in.stream().filter(attempt -> !attempt.sentAt().isBefore(window.healed())).count();
        long acceptedAfterRecovery =
            in.stream()
                .filter(attempt -> !attempt.sentAt().isBefore(window.healed()))
                .filter(Attempt::accepted)
                .count();
        check(
            violations,
            seconds != null && seconds <= CONFIRMATION_AFTER_RECOVERY.toMillis() / 1000.0,
            "%s: %s (goal: within %d s of recovery); after recovery %d placed, %d accepted",
            window.fault(),
            seconds == null
                ? "no order placed after recovery was confirmed"
                : "first confirmation of an order placed after recovery after " + seconds + " s",
            CONFIRMATION_AFTER_RECOVERY.toSeconds(),
            afterRecovery,
            acceptedAfterRecovery);
      }
    }
    String notes =
        String.format(
            "orders placed although the client was told 503 or heard nothing: %d %s%n"
                + "e-mails delivered again with the Message-ID of one already delivered: %d%n",
            untold.size(), untold.stream().limit(5).toList(), resent);
    return new Report(rows, violations, table(rows), notes);
  }

  /**
   * Cancelled because of the fault: a valid card, and stock that cannot have run out (the plentiful
   * product), or a scarce product whose stock was reserved and then given back. A declined card, or
   * a scarce product's stock running out (REJECTED), is not the fault's doing.
   */
  private boolean byFault(Attempt attempt, OrderView order) {
    if (!attempt.validCard()) {
      return false;
    }
    boolean scarce = !attempt.product().equals(plentiful);
    return order.status().equals("CANCELLED") || (order.status().equals("REJECTED") && !scarce);
  }

  private static boolean allowed(Attempt attempt, Window window) {
    int status = attempt.status();
    if (status == -1) {
      return window.fault().startsWith("gateway ");
    }
    return (status >= 200 && status < 300)
        || (status >= 400 && status < 500)
        || (status == 503 && attempt.retryAfter());
  }

  private boolean settled(Reading reading) {
    Map<String, OrderView> orders = reading.orders();
    Map<String, Charges> charges = reading.charges();
    Map<String, Integer> mails = reading.mails();
    Map<UUID, Integer> stock = reading.stock();
    for (OrderView order : orders.values()) {
      Charges held = charges.getOrDefault(order.id(), new Charges(0, 0, 0));
      if (!FINAL.contains(order.status())
          || held.open() != 0
          || (order.status().equals("CONFIRMED") && held.capturedNow() == 0)
          || mails.getOrDefault(order.id(), 0) == 0) {
        return false;
      }
    }
    for (Map.Entry<UUID, Integer> product : initialStock.entrySet()) {
      int confirmed = 0;
      for (OrderView order : orders.values()) {
        if (order.status().equals("CONFIRMED")) {
          confirmed += order.lines().getOrDefault(product.getKey(), 0);
        }
      }
      if (!Integer.valueOf(product.getValue() - confirmed).equals(stock.get(product.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static String unsettled(Reading reading) {
    Charges none = new Charges(0, 0, 0);
    long notFinal =
        reading.orders().values().stream().filter(o -> !FINAL.contains(o.status())).count();
    long open =
        reading.orders().values().stream()
            .filter(o -> reading.charges().getOrDefault(o.id(), none).open() != 0)
            .count();
    long uncaptured =
        reading.orders().values().stream()
            .filter(o -> o.status().equals("CONFIRMED"))
            .filter(o -> reading.charges().getOrDefault(o.id(), none).capturedNow() == 0)
            .count();
    long unmailed =
        reading.orders().values().stream()
            .filter(o -> reading.mails().getOrDefault(o.id(), 0) == 0)
            .count();
    return String.format(
        "%d orders, %d not final, %d with an open authorization, %d confirmed not captured,"
            + " %d without e-mail",
        reading.orders().size(), notFinal, open, uncaptured, unmailed);
  }

  /** Every order of alice's on the suite's products, and any accepted one the list missed. */
  private Map<String, OrderView> orders(Set<String> accepted) throws Exception {
    Map<String, OrderView> orders = new LinkedHashMap<>();
    for (int page = 0; page < 100; page++) {
      JsonNode list = JSON.readTree(shop.orders(page, 100));
      if (list.isEmpty()) {
        break;
      }
      for (JsonNode order : list) {
        OrderView view = view(order);
        if (view.lines().keySet().stream().anyMatch(initialStock::containsKey)) {
          orders.put(view.id(), view);
        }
      }
    }
    for (String id : accepted) {
      if (!orders.containsKey(id)) {
        HttpResponse<String> one = shop.orderAs(dev.mercado.identity.api.DemoCustomers.ALICE, id);
        if (one.statusCode() == 200) {
          orders.put(id, view(JSON.readTree(one.body())));
        }
      }
    }
    return orders;
  }

  private static OrderView view(JsonNode order) {
    Map<UUID, Integer> lines = new LinkedHashMap<>();
    for (JsonNode line : order.path("lines")) {
      lines.merge(
          UUID.fromString(line.path("productId").asText()),
          line.path("quantity").asInt(),
          Integer::sum);
    }
    Instant confirmedAt = null;
    List<String> reasons = new ArrayList<>();
    for (JsonNode step : order.path("history")) {
      if (step.path("to").asText().equals("CONFIRMED")) {
        confirmedAt = Instant.parse(step.path("at").asText());
      }
      reasons.add(step.path("to").asText() + ":" + step.path("reason").asText());
    }
    return new OrderView(
        order.path("id").asText(),
        order.path("status").asText(),
        lines,
        confirmedAt,
        String.join(" > ", reasons));
  }

  /** Both providers' ledgers, by order (the reference payments gives an authorization). */
  private Map<String, Charges> charges() throws Exception {
    Map<String, Charges> charges = new HashMap<>();
    for (String provider : providers) {
      JsonNode ledger = JSON.readTree(get(provider + "/v1/ledger"));
      for (JsonNode authorization : ledger.path("authorizations")) {
        String status = authorization.path("status").asText();
        Charges one =
            new Charges(
                authorization.hasNonNull("capturedAt") ? 1 : 0,
                status.equals("CAPTURED") ? 1 : 0,
                status.equals("AUTHORIZED") ? 1 : 0);
        charges.merge(
            authorization.path("reference").asText(),
            one,
            (a, b) ->
                new Charges(
                    a.captured() + b.captured(),
                    a.capturedNow() + b.capturedNow(),
                    a.open() + b.open()));
      }
    }
    return charges;
  }

  /**
   * E-mails in the mailbox by the order they are about, one per distinct {@code Message-ID}:
   * notifications gives each e-mail task a fixed Message-ID, so a task sent again after a crash
   * between the SMTP send and the commit of {@code SENT} (at-least-once, R11) is the same message
   * delivered twice, which mail clients show once; such re-sends are counted in {@link #resent} and
   * reported. Two Message-IDs for one order are two e-mails.
   */
  private Map<String, Integer> mails() throws Exception {
    JsonNode messages = JSON.readTree(get(mailbox));
    if (messages.size() >= 2_000) {
      throw new IllegalStateException(
          "the mailbox holds its limit of 2 000 messages: older ones may be gone, place fewer");
    }
    Map<String, Set<String>> messageIds = new HashMap<>();
    int deliveries = 0;
    for (JsonNode message : messages) {
      for (Map.Entry<String, JsonNode> header : message.path("headers").properties()) {
        if (header.getKey().equalsIgnoreCase("X-Mercado-Order-Id")) {
          deliveries++;
          messageIds
              .computeIfAbsent(header.getValue().asText(), order -> new HashSet<>())
              .add(message.path("messageId").asText(UUID.randomUUID().toString()));
        }
      }
    }
    Map<String, Integer> mails = new HashMap<>();
    messageIds.forEach((order, ids) -> mails.put(order, ids.size()));
    resent = deliveries - mails.values().stream().mapToInt(Integer::intValue).sum();
    return mails;
  }

  private Map<UUID, Integer> stock() {
    Map<UUID, Integer> stock = new HashMap<>();
    for (UUID product : initialStock.keySet()) {
      try {
        stock.put(product, shop.availableStock(product));
      } catch (Exception | AssertionError unreadable) {
        // left out: the comparison fails, and the next reading tries again
      }
    }
    return stock;
  }

  private static String get(String url) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode());
    }
    return response.body();
  }

  private static List<String> ids(Map<String, OrderView> orders, Predicate<OrderView> which) {
    return orders.values().stream().filter(which).map(OrderView::id).sorted().toList();
  }

  private static List<String> describe(List<String> ids, Map<String, Charges> charges) {
    return ids.stream().limit(10).map(id -> id + "=" + charges.get(id)).toList();
  }

  private static String abbreviate(String text) {
    return text == null ? "" : text.length() <= 160 ? text : text.substring(0, 160) + "…";
  }

  private static void check(List<String> violations, boolean holds, String format, Object... args) {
    if (!holds) {
      violations.add(String.format(format, args));
    }
  }

  static String table(List<Row> rows) {
    StringBuilder table = new StringBuilder();
    String format = "| %-37s | %6s | %8s | %18s | %4s | %14s | %28s | %27s |%n";
    table.append(
        String.format(
            format,
            "fault",
            "placed",
            "accepted",
            "cancelled by fault",
            "lost",
            "double charges",
            "s to 1st confirmation during",
            "s to 1st confirmation after"));
    table.append(
        String.format(
            format,
            "-".repeat(37),
            "-".repeat(6),
            "-".repeat(8),
            "-".repeat(18),
            "-".repeat(4),
            "-".repeat(14),
            "-".repeat(28),
            "-".repeat(27)));
    for (Row row : rows) {
      table.append(
          String.format(
              format,
              row.fault(),
              row.placed(),
              row.accepted(),
              row.cancelledByFault(),
              row.lost(),
              row.doubleCharges(),
              seconds(row.firstConfirmationDuring()),
              seconds(row.firstConfirmation())));
    }
    return table.toString();
  }

  private static String seconds(Double value) {
    return value == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f", value);
  }
}
