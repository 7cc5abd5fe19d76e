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

  /** A component, with its details before or after its status (Actuator writes them first). */
  private static final Pattern COMPONENT =
      Pattern.compile(
          "\"(\\w+)\":\\{(?:\"details\":\\{([^{}]*)\\},)?\"status\":\"(\\w+)\""
              + "(?:,\"details\":\\{([^{}]*)\\})?");

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
    Matcher matcher = COMPONENT.matcher(health.substring(components));
    List<String> checks = new ArrayList<>();
    while (matcher.find()) {
      String details = matcher.group(2) != null ? matcher.group(2) : matcher.group(4);
      Matcher duration = DURATION.matcher(details == null ? "" : details);
      String check = matcher.group(1) + " " + matcher.group(3);
      checks.add(duration.find() ? check + " " + duration.group(1) + "ms" : check);
    }
    return checks.isEmpty() ? "-" : String.join(", ", checks);
  }
}
