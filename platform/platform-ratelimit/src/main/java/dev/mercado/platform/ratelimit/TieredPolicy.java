package dev.mercado.platform.ratelimit;

import dev.mercado.platform.ratelimit.internal.PathPatterns;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A configured policy: which requests it applies to, what it counts them by, and for each tier the
 * {@link Policy} (several limits, all must pass) that applies. Immutable.
 *
 * @param name the policy's name in configuration, e.g. {@code catalog-read}
 * @param key what requests are counted by
 * @param match which requests it applies to
 * @param tiers per tier name the limits; a tier's {@link Policy} is named {@code <name>:<tier>}
 */
public record TieredPolicy(String name, KeySource key, Match match, Map<String, Policy> tiers) {

  public TieredPolicy {
    tiers = Collections.unmodifiableMap(new LinkedHashMap<>(tiers));
  }

  /**
   * Which requests a policy applies to: every given criterion must hold (any route, method or path
   * when a list is empty); within a list, any entry. Strings the caller passes, so the gateway and
   * a servlet service match alike.
   *
   * @param routes gateway route ids (exact)
   * @param methods HTTP methods, upper case
   * @param paths path patterns: {@code *} matches within one segment, {@code **} any number of
   *     segments, e.g. {@code /api/v1/orders/**}
   */
  public record Match(Set<String> routes, Set<String> methods, List<String> paths) {

    public Match {
      routes = Set.copyOf(routes);
      methods = Set.copyOf(methods);
      paths = List.copyOf(paths);
    }

    /** Applies to every request. */
    public static Match any() {
      return new Match(Set.of(), Set.of(), List.of());
    }

    /** Whether a request with this route id, method and path is one this policy applies to. */
    public boolean matches(String routeId, String method, String path) {
      if (!routes.isEmpty() && (routeId == null || !routes.contains(routeId))) {
        return false;
      }
      if (!methods.isEmpty() && (method == null || !methods.contains(method))) {
        return false;
      }
      if (paths.isEmpty()) {
        return true;
      }
      if (path == null) {
        return false;
      }
      for (String pattern : paths) {
        if (PathPatterns.matches(pattern, path)) {
          return true;
        }
      }
      return false;
    }
  }
}
