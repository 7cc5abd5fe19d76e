package dev.mercado.platform.ratelimit;

import dev.mercado.platform.ratelimit.internal.MemoryRateLimiter;
import dev.mercado.platform.ratelimit.internal.RedisRateLimiter;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Decides whether a request may proceed under a {@link Policy}, for one key (a user, an IP, a
 * client...). Each decision is atomic over all limits of the policy: either every limit admits and
 * each one is charged, or the request is rejected and none is charged.
 *
 * <p>Implementations are thread-safe. Two backends: {@link #inMemory()} (per process, lock per key,
 * well under a microsecond per decision) and {@link #redis(RateLimitProperties.Redis)} (shared by
 * every instance: one Lua script per decision on Redis's clock). A backend that cannot decide
 * answers after its timeout according to its {@link FailureMode}, never with an exception.
 */
public interface RateLimiter extends AutoCloseable {

  /**
   * Decides one request asking for {@code permits} permits, blocking the calling thread for at most
   * the backend's timeout (never on the in-memory backend). Reactive callers use {@link
   * #tryAcquireAsync}.
   *
   * @throws IllegalArgumentException if {@code permits} is below 1 or above the policy's smallest
   *     capacity ({@link Policy#maxPermits()}): such a request could never pass
   */
  Decision tryAcquire(Policy policy, String key, int permits);

  /** Decides one request for one permit; see {@link #tryAcquire(Policy, String, int)}. */
  default Decision tryAcquire(Policy policy, String key) {
    return tryAcquire(policy, key, 1);
  }

  /**
   * Decides without blocking: the stage completes when the backend has answered or its timeout
   * passed (then with the failure mode's decision); it never completes exceptionally. Completed
   * immediately by the in-memory backend.
   *
   * @throws IllegalArgumentException at once, for permits outside {@code 1..}{@link
   *     Policy#maxPermits()}
   */
  CompletionStage<Decision> tryAcquireAsync(Policy policy, String key, int permits);

  /** Decides one request for one permit without blocking; see {@link #tryAcquireAsync}. */
  default CompletionStage<Decision> tryAcquireAsync(Policy policy, String key) {
    return tryAcquireAsync(policy, key, 1);
  }

  /**
   * How the backend is doing: degraded while its store is unreachable. May talk to the store,
   * bounded by the backend's timeout.
   */
  BackendHealth health();

  /** The backend's name, {@code memory} or {@code redis}, as metrics and health tag it. */
  default String backend() {
    return health().backend();
  }

  /** Releases the backend's threads and connections; decisions afterwards are undefined. */
  @Override
  default void close() {}

  /** An in-memory limiter on the system's time, sweeping idle keys every 10 s, at most 100 000. */
  static RateLimiter inMemory() {
    return inMemory(TimeSource.system());
  }

  /** An in-memory limiter on the given time, sweeping idle keys every 10 s, at most 100 000. */
  static RateLimiter inMemory(TimeSource time) {
    return new MemoryRateLimiter(time, 100_000, Duration.ofSeconds(10));
  }

  /**
   * A Redis limiter on Redis's own clock ({@code TIME} inside the script, so every instance
   * agrees). Connects at once, waiting at most the connect timeout; if Redis is unreachable it
   * starts anyway, degraded, and keeps trying. Needs {@code io.lettuce:lettuce-core}.
   */
  static RateLimiter redis(RateLimitProperties.Redis settings) {
    return new RedisRateLimiter(settings, null);
  }
}
