package dev.mercado.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * P3 with R3 (issue 16): scaling a service out does not multiply a client's limit. On embedded
 * infrastructure limits live in each process's memory, so the launcher tells every instance of
 * payments how many there are and each holds its share: 100 a second with bursts of 200 over two
 * instances is 50 a second with bursts of 100 each. Seen from outside, as any caller sees it, in
 * the {@code RateLimit-Policy} and {@code RateLimit} fields of each instance's answers (with {@code
 * --infra local} the instances share one limit in Redis instead; {@code RedisRateLimiterIT} proves
 * that sharing, and this run does not scale payments).
 */
class ScaledLimitsIT {

  /** payments' {@code payments-api} policy for internal clients: 100 a second, bursts of 200. */
  private static final int RATE = 100;

  private static final int BURST = 200;

  private static final Pattern QUOTA = Pattern.compile("q=(\\d+);w=1");
  private static final Pattern REMAINING = Pattern.compile("r=(\\d+)");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void eachOfTwoPaymentsInstancesHoldsHalfOfAClientsLimit() throws Exception {
    RunningSystem system = RunningSystem.get();
    List<String> instances =
        system.urls.keySet().stream()
            .filter(name -> name.matches("payments(-[0-9]+)?"))
            .sorted()
            .toList();
    assumeTrue(
        instances.size() == 2 && !RunningSystem.local(),
        "payments runs as two instances with limits in memory on embedded infrastructure only");
    String token = new Shop(system).adminToken();

    int remainingInAll = 0;
    for (String instance : instances) {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(
                          system.urls.get(instance)
                              + "/api/v1/payments?orderId="
                              + UUID.randomUUID()))
                  .header("Authorization", "Bearer " + token)
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String policy = answer.headers().firstValue("RateLimit-Policy").orElse("");
      String state = answer.headers().firstValue("RateLimit").orElse("");
      String seen = instance + " answered " + answer.statusCode() + ", " + policy + " / " + state;
      assertThat(answer.statusCode()).as(seen).isEqualTo(200);
      assertThat(number(QUOTA, policy)).as(seen).isEqualTo(RATE / 2);
      int remaining = number(REMAINING, state);
      // a fresh bucket of this client holds half the burst, less this call (less any earlier ones)
      assertThat(remaining).as(seen).isLessThan(BURST / 2);
      remainingInAll += remaining;
    }
    assertThat(remainingInAll)
        .as("what the client may still send to both instances together")
        .isLessThan(BURST);
  }

  private static int number(Pattern pattern, String field) {
    Matcher matcher = pattern.matcher(field);
    assertThat(matcher.find()).as(pattern + " in '" + field + "'").isTrue();
    return Integer.parseInt(matcher.group(1));
  }
}
