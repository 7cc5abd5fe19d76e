package dev.mercado.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * R1 at the edge, with real processes: two catalog instances behind the gateway; one is stopped,
 * the gateway routes around it within a few requests, and sends it traffic again once it is back
 * and ready.
 */
@Order(4)
class HealthAwareRoutingIT {

  private static final Pattern COUNT =
      Pattern.compile("\"statistic\":\"COUNT\",\"value\":([0-9.E]+)");
  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void routesAroundAStoppedInstanceAndBackWhenItReturns() throws Exception {
    RunningSystem system = RunningSystem.get();
    String gateway = system.urls.get("gateway");
    String second = system.urls.get("catalog-2");
    assertThat(second).as("catalog-2 runs (--scale catalog=2)").isNotNull();
    await("both instances serve")
        .atMost(Duration.ofSeconds(60))
        .until(() -> servedAllOf(gateway, 10) && requestsServedBy(second) > 0);

    RunningSystem.CommandResult stopped = RunningSystem.mercado("stop", "catalog-2");
    assertThat(stopped.exitCode()).as(stopped.output()).isZero();
    int failed = 0;
    int okInARow = 0;
    for (int i = 0; i < 200 && okInARow < 20; i++) {
      int status = status(gateway + "/api/v1/catalog/products");
      okInARow = status == 200 ? okInARow + 1 : 0;
      failed += status == 200 ? 0 : 1;
    }

    assertThat(okInARow).as("the gateway routes around the stopped instance").isEqualTo(20);
    assertThat(failed).as("requests lost before it was ejected").isLessThanOrEqualTo(3);

    RunningSystem.CommandResult started = RunningSystem.mercado("start", "catalog-2");
    assertThat(started.exitCode()).as(started.output()).isZero();
    double before = requestsServedBy(second);
    await("catalog-2 in rotation again")
        .atMost(Duration.ofSeconds(60))
        .until(() -> servedAllOf(gateway, 5) && requestsServedBy(second) > before);
  }

  private static boolean servedAllOf(String gateway, int requests) throws Exception {
    for (int i = 0; i < requests; i++) {
      if (status(gateway + "/api/v1/catalog/products") != 200) {
        return false;
      }
    }
    return true;
  }

  /** How many product-list requests an instance answered (its own HTTP server metric). */
  private static double requestsServedBy(String instance) throws Exception {
    HttpResponse<String> metric =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        instance
                            + "/actuator/metrics/http.server.requests"
                            + "?tag=uri:/api/v1/catalog/products"))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (metric.statusCode() != 200) {
      return 0;
    }
    Matcher count = COUNT.matcher(metric.body());
    return count.find() ? Double.parseDouble(count.group(1)) : 0;
  }

  private static int status(String url) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
