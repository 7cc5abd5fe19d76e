import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A burst of readiness probes against one service (issue 7's closing note): how fast the health
 * endpoint answers, and how many times its database check actually ran, in whichever mode the
 * service runs (mercado.health.mode; start the system with MERCADO_HEALTH_MODE=passive for the
 * passive figures).
 *
 * <pre>
 * java bench/HealthProbeBurst.java SERVICE_URL PROBES CONCURRENCY
 * </pre>
 *
 * Prints p50/p99/max latency of the probes and the increase of the service's
 * mercado.health.check count for check=db. Bounded: PROBES at most 100 000, 15 s per probe.
 */
public class HealthProbeBurst {

  private static final Pattern COUNT =
      Pattern.compile("\"statistic\":\"COUNT\",\"value\":([0-9.E]+)");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: java bench/HealthProbeBurst.java SERVICE_URL PROBES CONCURRENCY");
      System.exit(2);
    }
    String service = args[0];
    int probes = Math.min(100_000, Integer.parseInt(args[1]));
    int concurrency = Integer.parseInt(args[2]);
    URI readiness = URI.create(service + "/actuator/health/readiness");
    // warm the path up, so that the burst measures answers, not class loading
    for (int i = 0; i < 200; i++) {
      probe(readiness);
    }
    double before = dbChecks(service);
    long start = System.nanoTime();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>(probes));
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < probes; i++) {
      done.add(pool.submit(() -> latencies.add(probe(readiness))));
    }
    for (Future<?> future : done) {
      future.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    double after = dbChecks(service);
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf(
        "%d probes, concurrency %d, %.1f s (%.0f/s): p50 %.2f ms, p99 %.2f ms, max %.2f ms;"
            + " database checks run: %.0f%n",
        probes,
        concurrency,
        seconds,
        probes / seconds,
        percentile(sorted, 50) / 1e6,
        percentile(sorted, 99) / 1e6,
        sorted.get(sorted.size() - 1) / 1e6,
        after - before);
  }

  private static long probe(URI readiness) {
    long start = System.nanoTime();
    try {
      HTTP.send(
          HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(15)).build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return System.nanoTime() - start;
  }

  private static double dbChecks(String service) throws Exception {
    String body =
        HTTP.send(
                HttpRequest.newBuilder(
                        URI.create(
                            service + "/actuator/metrics/mercado.health.check?tag=check:db"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher count = COUNT.matcher(body);
    return count.find() ? Double.parseDouble(count.group(1)) : 0;
  }

  private static long percentile(List<Long> sorted, int percent) {
    return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
  }
}
