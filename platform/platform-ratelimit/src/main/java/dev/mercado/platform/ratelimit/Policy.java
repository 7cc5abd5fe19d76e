package dev.mercado.platform.ratelimit;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Several limits that one request must all pass, e.g. {@code 10/1s} and {@code 1000/1h}. A {@link
 * RateLimiter} decides a policy for one key atomically: it checks every limit and commits to all of
 * them only if all pass, so <b>a request rejected by one limit consumes nothing from the others</b>
 * (in memory under the key's lock; on Redis in one Lua script). Immutable; equal when name and
 * limits are equal.
 */
public final class Policy {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private final String name;
  private final List<Limit> limits;
  private final int hash;

  /**
   * @param name identifies the policy in backend keys and logs (letters, digits, {@code .}, {@code
   *     _}, {@code :} and {@code -}); {@link RateLimits} names a tier's policy {@code
   *     <policy>:<tier>}
   * @param limits at least one, with distinct names
   */
  public Policy(String name, List<Limit> limits) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "policy name '" + name + "' must be 1 to 128 letters, digits, '.', '_', ':' or '-'");
    }
    if (limits == null || limits.isEmpty()) {
      throw new IllegalArgumentException("policy " + name + " needs at least one limit");
    }
    Set<String> names = new HashSet<>();
    for (Limit limit : limits) {
      if (!names.add(limit.name())) {
        throw new IllegalArgumentException(
            "policy " + name + " has two limits named " + limit.name());
      }
    }
    this.name = name;
    this.limits = List.copyOf(limits);
    this.hash = Objects.hash(name, this.limits);
  }

  public static Policy of(String name, Limit... limits) {
    return new Policy(name, List.of(limits));
  }

  public String name() {
    return name;
  }

  /** The limits, in the order they are reported. */
  public List<Limit> limits() {
    return limits;
  }

  /** The largest number of permits one request may ask for: the smallest capacity. */
  public long maxPermits() {
    long max = Long.MAX_VALUE;
    for (Limit limit : limits) {
      max = Math.min(max, limit.capacity());
    }
    return max;
  }

  @Override
  public boolean equals(Object other) {
    return other == this
        || (other instanceof Policy policy
            && policy.hash == hash
            && policy.name.equals(name)
            && policy.limits.equals(limits));
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return "Policy[" + name + ", " + limits + "]";
  }
}
