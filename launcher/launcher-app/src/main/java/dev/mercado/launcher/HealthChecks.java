package dev.mercado.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks behind a service's readiness, read from its detail view with the run's operators'
 * token (platform-health), for {@code ./mercado status}: e.g. {@code db UP 3ms, readinessState UP}.
 */
final class HealthChecks {

  /** The header every service of a run accepts for its health details. */
  static final String TOKEN_VARIABLE = "MERCADO_HEALTH_DETAILS_TOKEN";

  private static final Pattern COMPONENT = Pattern.compile("\"(\\w+)\":\\{\"status\":\"(\\w+)\"");
  private static final Pattern DURATION = Pattern.compile("\"durationMs\":(\\d+)");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private HealthChecks() {}

  /** The checks of {@code probe} (a readiness URL), or "-" if they cannot be read. */
  static String of(String probe, String token) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(probe))
                  .header("Authorization", "Bearer " + token)
                  .timeout(Duration.ofSeconds(3))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return summary(response.body());
    } catch (Exception e) {
      return "-";
    }
  }

  /** {@code name STATUS [Nms]} for every component of a health document. */
  static String summary(String health) {
    int components = health.indexOf("\"components\":");
    if (components < 0) {
      return "-";
    }
    String rest = health.substring(components);
    Matcher matcher = COMPONENT.matcher(rest);
    List<int[]> starts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    while (matcher.find()) {
      starts.add(new int[] {matcher.start(), matcher.end()});
      names.add(matcher.group(1) + " " + matcher.group(2));
    }
    List<String> checks = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : rest.length();
      Matcher duration = DURATION.matcher(rest.substring(starts.get(i)[1], end));
      checks.add(duration.find() ? names.get(i) + " " + duration.group(1) + "ms" : names.get(i));
    }
    return checks.isEmpty() ? "-" : String.join(", ", checks);
  }
}
