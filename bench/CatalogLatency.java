import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Closed-loop latency of browsing the catalogue through the gateway (issue 6, fault isolation):
 * CLIENTS loops each send {@code GET /api/v1/catalog/products} one after the other for SECONDS and
 * record each answer's latency. Prints requests, statuses, p50, p99 and max.
 *
 * <pre>
 * java bench/CatalogLatency.java GATEWAY_URL SECONDS CLIENTS [LABEL]
 * </pre>
 *
 * Bounded: SECONDS at most 600, CLIENTS at most 64, each request times out after 10 s.
 */
public class CatalogLatency {

  public static void main(String[] args) throws Exception {
    String gateway = args[0];
    int seconds = Math.min(Integer.parseInt(args[1]), 600);
    int clients = Math.min(Integer.parseInt(args[2]), 64);
    String label = args.length > 3 ? args[3] : "catalog";
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(gateway + "/api/v1/catalog/products"))
            .timeout(Duration.ofSeconds(10))
            .build();
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<List<long[]>>> loops = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      loops.add(
          pool.submit(
              () -> {
                List<long[]> samples = new ArrayList<>();
                while (System.nanoTime() < end) {
                  long start = System.nanoTime();
                  int status;
                  try {
                    status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                  } catch (Exception e) {
                    status = 0;
                  }
                  samples.add(new long[] {System.nanoTime() - start, status});
                }
                return samples;
              }));
    }
    List<Long> nanos = new ArrayList<>();
    Map<Long, Integer> statuses = new TreeMap<>();
    for (Future<List<long[]>> loop : loops) {
      for (long[] sample : loop.get()) {
        nanos.add(sample[0]);
        statuses.merge(sample[1], 1, Integer::sum);
      }
    }
    pool.shutdown();
    Collections.sort(nanos);
    System.out.printf(
        "%s: %d requests in %d s (%.0f/s), statuses %s, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        label,
        nanos.size(),
        seconds,
        nanos.size() / (double) seconds,
        statuses,
        millis(nanos, 50),
        millis(nanos, 99),
        millis(nanos, 100));
  }

  private static double millis(List<Long> sorted, int percentile) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int index = Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
    return sorted.get(index) / 1e6;
  }
}
