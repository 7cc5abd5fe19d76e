package dev.mercado.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.mercado.systemtests.FaultChecker.Report;
import dev.mercado.systemtests.FaultChecker.Window;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fault suite, in the style of Jepsen (R7, R10, R12, F8; docs/patterns/fault-suite.md): a
 * stream of concurrent checkouts through the gateway — valid and declined cards, plentiful and
 * scarce stock — while a nemesis injects each fault in turn and heals it: Kafka, the AMQP broker
 * and PostgreSQL stopped; each service killed with SIGKILL and restarted; the payment provider
 * slowed past payments' timeout and blackholed; SMTP down; catalog's use cases throwing. Then
 * {@link FaultChecker} compares what the clients were told with the orders, the stock, both
 * providers' ledgers and the mailbox, prints one row per fault, and fails on any broken invariant.
 *
 * <p>Needs the embedded infrastructure: with {@code -Plocal-infra} PostgreSQL and RabbitMQ are this
 * machine's servers, which the launcher refuses to stop, so the suite runs in the first pass of CI
 * only.
 */
@Order(9)
class FaultSuiteIT {

  /** How long a stopped broker, database, provider or SMTP server stays away. */
  private static final Duration OUTAGE = Duration.ofSeconds(15);

  /** How long a killed service stays dead before its restart (which then takes its start time). */
  private static final Duration DEAD = Duration.ofSeconds(5);

  /**
   * Checkouts after a fault is healed still count in its row: the system is still recovering, and
   * part 3's goal (confirmed within 5 s of recovery) needs more than 5 s to be seen broken.
   */
  private static final Duration RECOVERY = Duration.ofSeconds(10);

  private static final Duration BASELINE = Duration.ofSeconds(5);
  private static final int CLIENTS = 2;
  private static final Duration THINK_TIME = Duration.ofMillis(1500);

  /**
   * The mailbox keeps the newest 2 000 messages: one e-mail per accepted checkout must fit. A quiet
   * machine places about 750; a slower one more, as restarts hold each window open longer (871 on
   * 2026-12-07, when a cap of 850 left the last three faults without checkouts).
   */
  private static final int MAX_CHECKOUTS = 1_700;

  private static final int PLENTIFUL_STOCK = 100_000;
  private static final int SCARCE_STOCK = 4;

  /**
   * Long enough for payments' reconciliation to void the last lost authorization: a payment is
   * looked at once it is 30 s old, in rounds every 30 s.
   */
  private static final Duration SETTLE = Duration.ofMinutes(2);

  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static RunningSystem system;

  private interface Action {
    void run() throws Exception;

    default Action then(Action next) {
      return () -> {
        run();
        next.run();
      };
    }
  }

  /**
   * @param outage whether issue 14 part 3's first availability goal holds for it: no order
   *     cancelled
   * @param timed whether its second does too: an order placed once the component is back is
   *     confirmed within 5 s (asserted for each service restarted, the AMQP broker, SMTP and the
   *     provider; Kafka's and PostgreSQL's recovery times are measured and shown, not asserted)
   * @param held how long the fault stays before it is healed
   */
  private record Fault(
      String name, boolean outage, boolean timed, Duration held, Action inject, Action heal) {}

  @BeforeAll
  static void startTheSystem() throws Exception {
    assumeFalse(
        RunningSystem.local(),
        "the fault suite stops PostgreSQL and the AMQP broker: with -Plocal-infra those are this"
            + " machine's servers");
    system = RunningSystem.get();
  }

  /**
   * CI's budget for the suite is 10 minutes on a quiet machine; 20 means something hangs (on 2
   * cores shared with other builds a restart alone can take two minutes).
   */
  @Test
  @Timeout(value = 20, unit = TimeUnit.MINUTES)
  void everyInvariantHoldsWhileEachFaultIsInjectedInTurn() throws Exception {
    Instant began = Instant.now();
    Shop shop = new Shop(system);
    List<Fault> faults = faults();
    String mailbox = system.urls.get("mail");
    send("DELETE", mailbox, null); // one e-mail per checkout of the suite must fit the mailbox

    UUID plentiful = shop.product(PLENTIFUL_STOCK);
    Map<UUID, Integer> initialStock = new LinkedHashMap<>();
    initialStock.put(plentiful, PLENTIFUL_STOCK);
    List<UUID> scarce = new ArrayList<>();
    for (int window = 0; window <= faults.size(); window++) {
      UUID product = shop.product(SCARCE_STOCK);
      scarce.add(product);
      initialStock.put(product, SCARCE_STOCK);
    }
    Checkouts checkouts = new Checkouts(shop, plentiful, scarce, MAX_CHECKOUTS);
    for (UUID product : initialStock.keySet()) {
      checkouts.placeOnceKnown(product);
    }

    Map<UUID, Integer> lowestStockSeen = new ConcurrentHashMap<>();
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    sampler.scheduleWithFixedDelay(
        () -> {
          for (UUID product : List.of(plentiful, checkouts.scarceNow())) {
            try {
              lowestStockSeen.merge(product, shop.availableStock(product), Math::min);
            } catch (Exception | AssertionError unavailable) {
              // catalog is down or throwing on purpose: the next sample tries again
            }
          }
        },
        0,
        2,
        TimeUnit.SECONDS);

    List<Window> windows = new ArrayList<>();
    checkouts.start(CLIENTS, THINK_TIME);
    try {
      Instant start = Instant.now();
      Thread.sleep(BASELINE.toMillis()); // no fault: the control row
      windows.add(new Window("none (baseline)", true, true, start, start, Instant.now()));
      for (Fault fault : faults) {
        checkouts.window(windows.size());
        Instant injected = Instant.now();
        progress("injecting: " + fault.name());
        try {
          fault.inject().run();
          Thread.sleep(fault.held().toMillis()); // the fault's length, not a wait for a result
        } finally {
          fault.heal().run();
        }
        Instant healed = Instant.now();
        progress("healed after " + Duration.between(injected, healed).toSeconds() + " s");
        Thread.sleep(RECOVERY.toMillis());
        windows.add(
            new Window(
                fault.name(), fault.outage(), fault.timed(), injected, healed, Instant.now()));
      }
    } finally {
      checkouts.stop();
      sampler.shutdownNow();
    }
    progress("stream stopped after " + checkouts.attempts().size() + " checkouts; checking");

    FaultChecker checker =
        new FaultChecker(
            shop,
            List.of(system.urls.get("payment-provider"), system.urls.get("payment-provider-2")),
            mailbox,
            initialStock,
            plentiful);
    Report report = checker.check(checkouts.attempts(), windows, lowestStockSeen, SETTLE);

    String summary =
        report.table()
            + String.format(
                "%d checkouts by %d clients, %d s of faults and %d s in all;"
                    + " outages %d s, killed services dead %d s before their restart%n",
                checkouts.attempts().size(),
                CLIENTS,
                Duration.between(windows.get(0).start(), windows.get(windows.size() - 1).end())
                    .toSeconds(),
                Duration.between(began, Instant.now()).toSeconds(),
                OUTAGE.toSeconds(),
                DEAD.toSeconds())
            + report.notes()
            + (report.violations().isEmpty()
                ? "every invariant held\n"
                : "broken invariants:\n  " + String.join("\n  ", report.violations()) + "\n");
    System.out.println(summary);
    Files.writeString(
        RunningSystem.REPOSITORY.resolve("system-tests/target/fault-suite.txt"), summary);
    assertThat(report.violations()).as(summary).isEmpty();
  }

  private static List<Fault> faults() {
    List<Fault> faults = new ArrayList<>();
    // the broker: its clients reconnect and the groups reload from __consumer_offsets; part 3's
    // 5 s after a restart is about services and their rebalances, so the time is shown (2-5 s)
    faults.add(stopped("kafka", false));
    if (system.pids.containsKey("kafka-2")) {
      // a cluster (RunningSystem starts three nodes on embedded infrastructure): the node that
      // leads the most partitions dies without handing them over (R9, issue 16)
      faults.add(busiestKafkaNodeKilled());
    }
    faults.add(
        new Fault(
            "payment provider slowed (3 s)",
            true,
            true,
            OUTAGE,
            mercado("chaos", "payment-provider", "latency", "3000", "for", "120")
                .then(chaosStatusShows("\"latencyMs\":3000")),
            mercado("chaos", "payment-provider", "clear")));
    faults.add(
        new Fault(
            "payment provider blackholed",
            true,
            true,
            OUTAGE,
            mercado("chaos", "payment-provider", "blackhole", "for", "120")
                .then(chaosStatusShows("\"blackhole\":true")),
            mercado("chaos", "payment-provider", "clear")));
    faults.add(stopped("amqp", true));
    // every service's database: they reconnect, turn ready and are probed again by the gateway
    faults.add(stopped("postgres", false));
    // one instance of a scaled service: the others carry the load (the gateway routes around it,
    // its partitions move to the survivors' consumers, its job locks expire) (P3, issue 16)
    for (String instance :
        List.of("identity-2", "catalog-2", "orders-2", "payments-2", "notifications-2")) {
      if (system.pids.containsKey(instance)) {
        faults.add(oneInstanceKilled(instance));
      }
    }
    for (String service :
        List.of("identity", "catalog", "orders", "payments", "notifications", "gateway")) {
      faults.add(killed(service));
    }
    faults.add(
        new Fault(
            "SMTP down",
            true,
            true,
            OUTAGE,
            () -> mailFaults("PUT", "{\"down\":true}"),
            () -> mailFaults("DELETE", null)));
    // not an outage: a share of catalog's calls fail, and part 3's goals do not cover it
    faults.add(
        new Fault(
            "catalog throws (Chaos Monkey, 1 in 2)",
            false,
            false,
            OUTAGE,
            mercado("chaos", "catalog", "exception", "rate", "0.5", "for", "120")
                .then(chaosStatusShows("\"exceptionsActive\":true")),
            mercado("chaos", "catalog", "clear")));
    return faults;
  }

  private static Fault stopped(String component, boolean timed) {
    return new Fault(
        component + " stopped",
        true,
        timed,
        OUTAGE,
        mercado("stop", component),
        mercado("start", component));
  }

  /**
   * The Kafka node that leads the most partitions, by {@code ./mercado status}, killed with SIGKILL
   * (no controlled shutdown: its partitions are leaderless until the controller fences it), then
   * started again once it is dead.
   */
  private static Fault busiestKafkaNodeKilled() {
    List<String> killed = new ArrayList<>();
    return new Fault(
        "kafka leader killed",
        true,
        false,
        DEAD,
        () -> {
          String node = busiestKafkaNode(RunningSystem.mercado("status").output());
          system.readState();
          killed.clear();
          killed.add(node);
          kill(node);
        },
        () -> {
          mercado("start", killed.get(0)).run();
          system.readState();
        });
  }

  /** The name of the Kafka node whose status line says it leads the most partitions. */
  static String busiestKafkaNode(String status) {
    Matcher line = KAFKA_LEADERSHIP.matcher(status);
    String busiest = null;
    int most = -1;
    while (line.find()) {
      int led = Integer.parseInt(line.group(2));
      if (led > most) {
        most = led;
        busiest = line.group(1);
      }
    }
    if (busiest == null) {
      throw new IllegalStateException("no Kafka node's leadership in ./mercado status:\n" + status);
    }
    return busiest;
  }

  private static final Pattern KAFKA_LEADERSHIP =
      Pattern.compile("(?m)^(kafka(?:-\\d+)?)\\s.*node \\d+ leads (\\d+) of \\d+ partitions");

  /** One instance of a scaled service killed with SIGKILL, then started again once it is dead. */
  private static Fault oneInstanceKilled(String instance) {
    return new Fault(
        instance + " killed (one of two)",
        true,
        true,
        DEAD,
        () -> {
          system.readState();
          kill(instance);
        },
        () -> {
          mercado("start", instance).run();
          system.readState();
        });
  }

  /** SIGKILL to a process of the run, by its name in the run state; returns once it is dead. */
  private static void kill(String name) {
    long pid = system.pids.get(name);
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    await(name + " (pid " + pid + ") dead")
        .atMost(Duration.ofSeconds(10))
        .until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
  }

  /** Every instance of the service killed with SIGKILL, then started again once it is dead. */
  private static Fault killed(String service) {
    List<String> instances = new ArrayList<>();
    return new Fault(
        service + " killed and restarted",
        true,
        true,
        DEAD,
        () -> {
          system.readState();
          instances.clear();
          instances.addAll(
              system.pids.keySet().stream()
                  .filter(name -> name.equals(service) || name.matches(service + "-[0-9]+"))
                  .toList());
          for (String instance : instances) {
            kill(instance);
          }
        },
        () -> {
          for (String instance : instances) {
            mercado("start", instance).run();
          }
          system.readState();
        });
  }

  private static Action mercado(String... arguments) {
    return () -> {
      RunningSystem.CommandResult result = RunningSystem.mercado(arguments);
      if (result.exitCode() != 0) {
        throw new IllegalStateException(
            "./mercado " + String.join(" ", arguments) + " failed: " + result.output());
      }
    };
  }

  /** A nemesis that did nothing would make its row meaningless: check the fault is on. */
  private static Action chaosStatusShows(String switched) {
    return () -> {
      RunningSystem.CommandResult status = RunningSystem.mercado("chaos", "status");
      assertThat(status.output()).as("./mercado chaos status").contains(switched);
    };
  }

  /** The mail simulator's fault switches, beside its mailbox. */
  private static void mailFaults(String method, String body) throws Exception {
    String mailbox = system.urls.get("mail");
    send(method, mailbox.substring(0, mailbox.lastIndexOf('/')) + "/faults", body);
  }

  private static void send(String method, String url, String body) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .method(
                    method,
                    body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode())
        .as(method + " " + url + ": " + response.body())
        .isLessThan(300);
  }

  private static void progress(String line) {
    System.out.println(Instant.now() + " fault suite: " + line);
  }
}
