package dev.mercado.platform.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Settings of rate limiting, under {@code mercado.ratelimit}. Policies are read at start-up; a
 * malformed one stops the service with a message naming the property.
 *
 * <pre>
 * mercado.ratelimit.policies.catalog-read.key=client
 * mercado.ratelimit.policies.catalog-read.routes=catalog
 * mercado.ratelimit.policies.catalog-read.tiers.free[0]=token-bucket 10/1s burst 20
 * mercado.ratelimit.policies.catalog-read.tiers.free[1]=sliding-window 1000/1h
 * mercado.ratelimit.policies.catalog-read.tiers.premium[0]=token-bucket 100/1s burst 200
 * </pre>
 *
 * @param enabled {@code false}: no rate limiting beans at all (default {@code true})
 * @param backend {@code memory} (default): per process; {@code redis}: shared by all instances
 * @param defaultTier the tier of a caller without one, and of a tier a policy does not list
 *     (default {@code free}); every policy must define it
 * @param memory settings of the in-memory backend
 * @param redis settings of the Redis backend
 * @param policies named policies, in the order they are evaluated
 */
@ConfigurationProperties("mercado.ratelimit")
public record RateLimitProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("memory") Backend backend,
    @DefaultValue("free") String defaultTier,
    @DefaultValue Memory memory,
    @DefaultValue Redis redis,
    Map<String, PolicySettings> policies) {

  private static final String PREFIX = "mercado.ratelimit.";

  public RateLimitProperties {
    policies =
        policies == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(policies));
  }

  /** Where limits are kept. */
  public enum Backend {
    MEMORY,
    REDIS
  }

  /**
   * The in-memory backend.
   *
   * @param maxKeys the most (policy, key) states kept (default 100 000, roughly 200 bytes each);
   *     beyond, idle keys are swept at once and then arbitrary ones dropped
   * @param sweepInterval how often keys whose state equals a fresh one are dropped (default 10 s)
   * @param instances how many instances of the service share each limit (default 1): each keeps its
   *     share ({@link Limit#sharedBy(int)}), so that N instances behind a round-robin balancer
   *     admit a client about the configured rate, not N times it. Without a shared backend this is
   *     the way a scaled service keeps its limits (the launcher sets it for {@code --scale}); with
   *     {@code backend=redis} it is ignored, the count being shared already
   */
  public record Memory(
      @DefaultValue("100000") int maxKeys,
      @DefaultValue("10s") Duration sweepInterval,
      @DefaultValue("1") int instances) {}

  /**
   * The Redis backend.
   *
   * @param uri the server (default {@code redis://127.0.0.1:6379}), Lettuce's URI syntax
   * @param timeout the most a decision waits for Redis before following the failure mode (default
   *     100 ms; a decision normally takes well under a millisecond)
   * @param connectTimeout the most a connection attempt takes (default 1 s)
   * @param failureMode {@code open} (default): admit while Redis is unreachable; {@code closed}:
   *     reject with 503; see {@link FailureMode}
   * @param keyPrefix prefix of every key (default {@code mercado:rl:})
   */
  public record Redis(
      @DefaultValue("redis://127.0.0.1:6379") String uri,
      @DefaultValue("100ms") Duration timeout,
      @DefaultValue("1s") Duration connectTimeout,
      @DefaultValue("open") FailureMode failureMode,
      @DefaultValue("mercado:rl:") String keyPrefix) {

    public Redis {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new InvalidConfigurationPropertyValueException(
            PREFIX + "redis.timeout", timeout, "must be positive");
      }
      if (connectTimeout.isNegative() || connectTimeout.isZero()) {
        throw new InvalidConfigurationPropertyValueException(
            PREFIX + "redis.connect-timeout", connectTimeout, "must be positive");
      }
    }

    /** The defaults for a server at {@code uri}. */
    public static Redis at(String uri) {
      return new Redis(
          uri, Duration.ofMillis(100), Duration.ofSeconds(1), FailureMode.OPEN, "mercado:rl:");
    }

    public Redis withTimeout(Duration timeout) {
      return new Redis(uri, timeout, connectTimeout, failureMode, keyPrefix);
    }

    public Redis withFailureMode(FailureMode failureMode) {
      return new Redis(uri, timeout, connectTimeout, failureMode, keyPrefix);
    }

    public Redis withKeyPrefix(String keyPrefix) {
      return new Redis(uri, timeout, connectTimeout, failureMode, keyPrefix);
    }
  }

  /**
   * One policy: what it counts by, which requests it applies to, and each tier's limits.
   *
   * @param key what requests are counted by: {@code user}, {@code ip} (default), {@code api-key} or
   *     {@code client}; see {@link KeySource}
   * @param routes gateway route ids it applies to (any if empty)
   * @param paths path patterns it applies to ({@code *} one segment or part of one, {@code **} any
   *     number of segments; any path if empty)
   * @param methods HTTP methods it applies to (any if empty)
   * @param tiers per tier, the limits a request must all pass, each in the compact syntax of {@link
   *     Limit#parse(String, String)}
   */
  public record PolicySettings(
      @DefaultValue("ip") KeySource key,
      List<String> routes,
      List<String> paths,
      List<String> methods,
      Map<String, List<String>> tiers) {

    public PolicySettings {
      routes = routes == null ? List.of() : List.copyOf(routes);
      paths = paths == null ? List.of() : List.copyOf(paths);
      methods = methods == null ? List.of() : List.copyOf(methods);
      tiers = tiers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tiers));
    }
  }

  /**
   * The configured policies, parsed and validated.
   *
   * @throws InvalidConfigurationPropertyValueException naming the property that is wrong
   */
  public List<TieredPolicy> tieredPolicies() {
    List<TieredPolicy> result = new ArrayList<>();
    for (Map.Entry<String, PolicySettings> entry : policies.entrySet()) {
      String name = entry.getKey();
      PolicySettings settings = entry.getValue();
      String at = PREFIX + "policies." + name;
      if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
        throw new InvalidConfigurationPropertyValueException(
            at, name, "a policy name is 1 to 64 letters, digits, '.', '_' or '-'");
      }
      if (settings.tiers().isEmpty()) {
        throw new InvalidConfigurationPropertyValueException(
            at + ".tiers", null, "policy " + name + " defines no tier: nothing to limit");
      }
      if (!settings.tiers().containsKey(defaultTier)) {
        throw new InvalidConfigurationPropertyValueException(
            at + ".tiers",
            settings.tiers().keySet(),
            "policy "
                + name
                + " must define the default tier '"
                + defaultTier
                + "' (the limits of callers in other tiers)");
      }
      for (String pattern : settings.paths()) {
        if (!pattern.startsWith("/")) {
          throw new InvalidConfigurationPropertyValueException(
              at + ".paths", pattern, "a path pattern starts with '/'");
        }
      }
      Map<String, Policy> tiers = new LinkedHashMap<>();
      for (Map.Entry<String, List<String>> tier : settings.tiers().entrySet()) {
        List<Limit> limits = new ArrayList<>();
        List<String> texts = tier.getValue() == null ? List.of() : tier.getValue();
        if (texts.isEmpty()) {
          throw new InvalidConfigurationPropertyValueException(
              at + ".tiers." + tier.getKey(), null, "a tier needs at least one limit");
        }
        for (int i = 0; i < texts.size(); i++) {
          String property = at + ".tiers." + tier.getKey() + "[" + i + "]";
          try {
            Limit limit = Limit.parse(texts.get(i), tier.getKey());
            limits.add(backend == Backend.MEMORY ? limit.sharedBy(memory.instances()) : limit);
          } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationPropertyValueException(
                property, texts.get(i), e.getMessage());
          }
        }
        try {
          tiers.put(tier.getKey(), new Policy(name + ":" + tier.getKey(), limits));
        } catch (IllegalArgumentException e) {
          throw new InvalidConfigurationPropertyValueException(
              at + ".tiers." + tier.getKey(), texts, e.getMessage());
        }
      }
      Set<String> methods = new java.util.LinkedHashSet<>();
      settings.methods().forEach(m -> methods.add(m.toUpperCase(Locale.ROOT)));
      result.add(
          new TieredPolicy(
              name,
              settings.key(),
              new TieredPolicy.Match(Set.copyOf(settings.routes()), methods, settings.paths()),
              tiers));
    }
    return result;
  }
}
