package dev.mercado.bench.retry;

import dev.mercado.platform.resilience.Backoff;
import dev.mercado.platform.resilience.Backoff.Strategy;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Brooker's "Exponential Backoff And Jitter" experiment (R8) with platform-resilience's own
 * strategies: N clients contend for one row with optimistic concurrency; how many calls, and how
 * long until all have written, for each backoff strategy and client count.
 *
 * <pre>
 * bench/retry-jitter/run.sh [simulation|postgres|both] [clients...] [options]
 *   --seed N           first seed (default 42); run r uses seed + r
 *   --sim-runs N       simulated runs per cell (default 100, as Brooker)
 *   --pg-runs N        PostgreSQL runs per cell (default 5)
 *   --pg-base-ms N     PostgreSQL backoff base (default 2)
 *   --pg-cap-ms N      PostgreSQL backoff cap (default 800)
 *   --pg-think-ms N    PostgreSQL pause between the read and the write (default 0)
 *   --jdbc-url URL     use this server instead of an embedded one, e.g.
 *                      jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres
 *   --strategies a,b   strategies to run (default: Brooker's five; "all" adds constant and linear)
 * </pre>
 *
 * Prints one Markdown table per mode: strategy × clients → calls (mean), calls per client, and
 * completion time (mean, p50, p95 over the runs).
 */
public final class RetryJitterBench {

  /** Brooker's simulator: {@code backoff_cls(5, 2000)}, in milliseconds. */
  static final Duration SIM_BASE = Duration.ofMillis(5);

  static final Duration SIM_CAP = Duration.ofMillis(2_000);

  private static final List<Strategy> BROOKERS =
      List.of(
          Strategy.NONE,
          Strategy.EXPONENTIAL,
          Strategy.EXPONENTIAL_FULL_JITTER,
          Strategy.EXPONENTIAL_EQUAL_JITTER,
          Strategy.DECORRELATED_JITTER);

  private RetryJitterBench() {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("retry-jitter: " + e.getMessage());
      System.exit(2);
      return;
    }
    try {
      if (options.simulation) {
        simulation(options);
      }
      if (options.postgres) {
        postgres(options);
      }
    } catch (IllegalStateException e) {
      System.err.println("retry-jitter: " + e.getMessage());
      System.exit(1);
    }
  }

  private static void simulation(Options options) {
    System.out.printf(
        Locale.ROOT,
        "%n## Simulation (Brooker's model): network delay |N(%.0f ms, %.0f ms)| per message, "
            + "base %d ms, cap %d ms, %d runs per cell, seeds %d..%d%n%n",
        OccSimulation.NETWORK_MEAN_MS,
        OccSimulation.NETWORK_SD_MS,
        SIM_BASE.toMillis(),
        SIM_CAP.toMillis(),
        options.simRuns,
        options.seed,
        options.seed + options.simRuns - 1);
    OccSimulation simulation = new OccSimulation(200_000_000L);
    Table table = new Table();
    for (Strategy strategy : options.strategies) {
      Backoff backoff = Backoff.of(strategy, SIM_BASE, SIM_CAP);
      for (int clients : options.clients) {
        List<OccSimulation.Outcome> outcomes = new ArrayList<>();
        for (int run = 0; run < options.simRuns; run++) {
          outcomes.add(simulation.run(clients, backoff, options.seed + run));
        }
        table.add(strategy, clients, outcomes);
      }
    }
    table.print();
  }

  private static void postgres(Options options) throws Exception {
    Duration base = Duration.ofMillis(options.pgBaseMs);
    Duration cap = Duration.ofMillis(options.pgCapMs);
    int most = Arrays.stream(options.clients).max().orElse(1);
    EmbeddedPostgres embedded = null;
    String url = options.jdbcUrl;
    if (url == null) {
      Path work = Path.of("target", "postgres").toAbsolutePath();
      Files.createDirectories(work);
      // zonky unpacks into java.io.tmpdir unless told otherwise; keep it inside target/
      System.setProperty("ot.epg.working-dir", work.resolve("work").toString());
      embedded =
          EmbeddedPostgres.builder()
              .setOverrideWorkingDirectory(work.toFile())
              .setServerConfig("max_connections", String.valueOf(most + 20))
              .setPGStartupWait(Duration.ofSeconds(60))
              .setOutputRedirector(
                  ProcessBuilder.Redirect.appendTo(work.resolve("postgres.log").toFile()))
              .setErrorRedirector(
                  ProcessBuilder.Redirect.appendTo(work.resolve("postgres.log").toFile()))
              .start();
      url =
          "jdbc:postgresql://127.0.0.1:"
              + embedded.getPort()
              + "/postgres?user=postgres&ApplicationName=retry-jitter";
    }
    try (PostgresContention contention =
        new PostgresContention(
            url, 100_000, Duration.ofSeconds(60), Duration.ofMillis(options.pgThinkMs))) {
      System.out.printf(
          Locale.ROOT,
          "%n## PostgreSQL (%s, table %s): one row, read version + conditional UPDATE in "
              + "autocommit, think time %d ms, one thread and connection per client, base %d ms, "
              + "cap %d ms, "
              + "%d runs per cell, seeds %d..%d%n%n",
          embedded == null ? "server at --jdbc-url" : "embedded PostgreSQL (zonky)",
          contention.table(),
          options.pgThinkMs,
          base.toMillis(),
          cap.toMillis(),
          options.pgRuns,
          options.seed,
          options.seed + options.pgRuns - 1);
      // one untimed run warms the JIT, opens every connection and fills PostgreSQL's caches
      contention.run(most, Backoff.of(Strategy.EXPONENTIAL_FULL_JITTER, base, cap), 0);
      Table table = new Table();
      for (Strategy strategy : options.strategies) {
        Backoff backoff = Backoff.of(strategy, base, cap);
        for (int clients : options.clients) {
          List<OccSimulation.Outcome> outcomes = new ArrayList<>();
          for (int run = 0; run < options.pgRuns; run++) {
            outcomes.add(contention.run(clients, backoff, options.seed + run));
          }
          table.add(strategy, clients, outcomes);
        }
      }
      table.print();
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  /** The rows of one mode's table. */
  private static final class Table {

    private final List<String> rows = new ArrayList<>();

    void add(Strategy strategy, int clients, List<OccSimulation.Outcome> outcomes) {
      double calls = outcomes.stream().mapToLong(OccSimulation.Outcome::calls).average().orElse(0);
      double[] millis =
          outcomes.stream().mapToDouble(OccSimulation.Outcome::millis).sorted().toArray();
      double mean = Arrays.stream(millis).average().orElse(0);
      rows.add(
          String.format(
              Locale.ROOT,
              "| %-24s | %7d | %11.1f | %10.2f | %13.1f | %9.1f | %9.1f |",
              strategy.name().toLowerCase(Locale.ROOT).replace('_', '-'),
              clients,
              calls,
              calls / clients,
              mean,
              percentile(millis, 50),
              percentile(millis, 95)));
      System.err.print(".");
    }

    void print() {
      System.err.println();
      System.out.println(
          "| strategy                 | clients | calls, mean | per client | time ms, mean |"
              + "    p50 ms |    p95 ms |");
      System.out.println(
          "|--------------------------|--------:|------------:|-----------:|--------------:|"
              + "----------:|----------:|");
      rows.forEach(System.out::println);
      System.out.flush();
    }

    /** Nearest-rank percentile of sorted values. */
    private static double percentile(double[] sorted, int percent) {
      int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
      return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
  }

  /** The command line. */
  private static final class Options {
    boolean simulation = true;
    boolean postgres = true;
    int[] clients = {10, 50, 100};
    long seed = 42;
    int simRuns = 100;
    int pgRuns = 5;
    long pgBaseMs = 2;
    long pgCapMs = 800;
    long pgThinkMs = 0;
    String jdbcUrl;
    List<Strategy> strategies = BROOKERS;

    static Options parse(String[] args) {
      Options options = new Options();
      List<Integer> clients = new ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "simulation" -> options.postgres = false;
          case "postgres" -> options.simulation = false;
          case "both" -> {
            options.simulation = true;
            options.postgres = true;
          }
          case "--seed" -> options.seed = Long.parseLong(value(args, ++i, arg));
          case "--sim-runs" -> options.simRuns = positive(value(args, ++i, arg), arg, 10_000);
          case "--pg-runs" -> options.pgRuns = positive(value(args, ++i, arg), arg, 100);
          case "--pg-base-ms" -> options.pgBaseMs = positive(value(args, ++i, arg), arg, 1_000);
          case "--pg-cap-ms" -> options.pgCapMs = positive(value(args, ++i, arg), arg, 60_000);
          case "--pg-think-ms" -> options.pgThinkMs = between(value(args, ++i, arg), arg, 0, 1_000);
          case "--jdbc-url" -> options.jdbcUrl = value(args, ++i, arg);
          case "--strategies" -> options.strategies = strategies(value(args, ++i, arg));
          default -> {
            if (!arg.matches("[0-9]+")) {
              throw new IllegalArgumentException(
                  "unknown argument "
                      + arg
                      + "; usage: run.sh [simulation|postgres|both] [clients...] [options]");
            }
            clients.add(positive(arg, "clients", 1_000));
          }
        }
      }
      if (!clients.isEmpty()) {
        options.clients = clients.stream().mapToInt(Integer::intValue).toArray();
      }
      if (options.pgCapMs < options.pgBaseMs) {
        throw new IllegalArgumentException("--pg-cap-ms must be at least --pg-base-ms");
      }
      return options;
    }

    private static List<Strategy> strategies(String names) {
      if (names.equals("all")) {
        return List.of(Strategy.values());
      }
      List<Strategy> strategies = new ArrayList<>();
      for (String name : names.split(",")) {
        strategies.add(Strategy.valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
      }
      return strategies;
    }

    private static String value(String[] args, int index, String option) {
      if (index >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[index];
    }

    private static int positive(String value, String name, int most) {
      return between(value, name, 1, most);
    }

    private static int between(String value, String name, int least, int most) {
      int parsed = Integer.parseInt(value);
      if (parsed < least || parsed > most) {
        throw new IllegalArgumentException(
            name + " must be " + least + " to " + most + ", was " + value);
      }
      return parsed;
    }
  }
}
