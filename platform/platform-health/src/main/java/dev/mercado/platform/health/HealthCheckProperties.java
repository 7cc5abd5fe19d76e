package dev.mercado.platform.health;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the health checks, under {@code mercado.health}.
 *
 * @param mode {@code active} (default): the selected checks run in the background and every probe
 *     is answered from their last result; {@code passive}: every check runs when a probe asks, as
 *     Spring Boot does by default
 * @param delay active mode: the pause before the first background run of each check (default 0)
 * @param period active mode: the pause between two runs of a check (default 5 s); a dependency that
 *     fails shows at the latest one period (plus the check's own duration) later
 * @param timeout how long a check may take before it counts as DOWN (default 2 s); applies to
 *     background runs (a passive check is bounded by its own client's timeouts)
 * @param include active mode: the checks that run in the background, by name (the health
 *     component's, e.g. {@code db}, {@code rabbit}) or by tag ({@code tag:<tag>}); {@code *} (the
 *     default) selects every check. Checks not selected stay passive
 * @param exclude checks never run in the background, by name or tag (default: the application's own
 *     liveness and readiness state, which cost nothing to read and must never be stale)
 * @param checks per-check settings by name: delay, period, timeout and tags
 * @param detailsToken a request to {@code /actuator/health/**} that carries {@code Authorization:
 *     Bearer <token>} sees every check with its status, duration, last run and error; everyone else
 *     sees the aggregate only (with {@code management.endpoint.health.show-details:
 *     when-authorized} and {@code roles: HEALTH_DETAILS}). Blank (the default): nobody sees
 *     details. The launcher sets a fresh token per run; identity's tokens replace it (issue 5)
 */
@ConfigurationProperties("mercado.health")
public record HealthCheckProperties(
    @DefaultValue("active") Mode mode,
    @DefaultValue("0s") Duration delay,
    @DefaultValue("5s") Duration period,
    @DefaultValue("2s") Duration timeout,
    @DefaultValue("*") List<String> include,
    @DefaultValue({"livenessState", "readinessState", "ping"}) List<String> exclude,
    Map<String, Check> checks,
    @DefaultValue("") String detailsToken) {

  /** The role a request with the details token has. */
  public static final String DETAILS_ROLE = "HEALTH_DETAILS";

  public HealthCheckProperties {
    checks = checks == null ? Map.of() : Map.copyOf(checks);
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    requirePositive("period", period);
    requirePositive("timeout", timeout);
  }

  public enum Mode {
    ACTIVE,
    PASSIVE
  }

  /**
   * One check's own settings; each unset value falls back to the global one.
   *
   * @param tags labels the {@code include}/{@code exclude} predicates can select by
   */
  public record Check(Duration delay, Duration period, Duration timeout, List<String> tags) {

    public Check {
      tags = tags == null ? List.of() : List.copyOf(tags);
    }
  }

  /** The settings that apply to the check {@code name}. */
  public Schedule scheduleOf(String name) {
    Check own = checks.getOrDefault(name, new Check(null, null, null, null));
    return new Schedule(
        own.delay() == null ? delay : own.delay(),
        own.period() == null ? period : own.period(),
        own.timeout() == null ? timeout : own.timeout());
  }

  /** Whether the check {@code name} runs in the background (active mode and the predicate). */
  public boolean runsInBackground(String name) {
    if (mode != Mode.ACTIVE) {
      return false;
    }
    List<String> tags = checks.containsKey(name) ? checks.get(name).tags() : List.of();
    return selects(include, name, tags) && !selects(exclude, name, tags);
  }

  private static boolean selects(List<String> patterns, String name, List<String> tags) {
    for (String pattern : patterns) {
      if (pattern.equals("*") || pattern.equals(name)) {
        return true;
      }
      if (pattern.startsWith("tag:") && tags.contains(pattern.substring(4))) {
        return true;
      }
    }
    return false;
  }

  /** When and how long a check runs. */
  public record Schedule(Duration delay, Duration period, Duration timeout) {}

  private static void requirePositive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("mercado.health." + name + " must be positive");
    }
  }
}
