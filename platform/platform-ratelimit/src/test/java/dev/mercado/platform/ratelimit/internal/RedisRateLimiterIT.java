package dev.mercado.platform.ratelimit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercado.platform.ratelimit.Algorithm;
import dev.mercado.platform.ratelimit.Decision;
import dev.mercado.platform.ratelimit.Limit;
import dev.mercado.platform.ratelimit.Policy;
import dev.mercado.platform.ratelimit.RateLimitProperties;
import dev.mercado.platform.ratelimit.RateLimiter;
import dev.mercado.platform.ratelimit.RateLimiterContract;
import dev.mercado.platform.ratelimit.TimeSource;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract on this machine's Redis (the script on a fake time passed in), then what only a
 * shared store shows: instances on Redis's own clock sharing one limit, and keys that expire.
 */
class RedisRateLimiterIT extends RateLimiterContract {

  private static RedisClient client;
  private static StatefulRedisConnection<String, String> connection;
  private static RedisCommands<String, String> redis;

  private final String prefix = "mercado:rl:it:" + UUID.randomUUID() + ":";
  private final List<RateLimiter> others = new ArrayList<>();

  @BeforeAll
  static void connect() {
    if (!LocalRedis.local()) {
      return;
    }
    client = RedisClient.create(LocalRedis.URI);
    connection = client.connect();
    redis = connection.sync();
  }

  @AfterAll
  static void disconnect() {
    if (client != null) {
      connection.close();
      client.shutdown();
    }
  }

  @AfterEach
  void deleteKeys() {
    others.forEach(RateLimiter::close);
    if (redis != null) {
      LocalRedis.deleteKeys(redis, prefix);
    }
  }

  private RateLimitProperties.Redis settings() {
    return RateLimitProperties.Redis.at(LocalRedis.URI)
        .withKeyPrefix(prefix)
        .withTimeout(Duration.ofSeconds(2));
  }

  @Override
  protected RateLimiter newLimiter(TimeSource time) {
    LocalRedis.assumeLocal();
    return new RedisRateLimiter(settings(), time);
  }

  /** A limiter on Redis's own clock, as in production. */
  private RateLimiter onRedisTime() {
    RateLimiter limiter = new RedisRateLimiter(settings(), null);
    others.add(limiter);
    return limiter;
  }

  @Override
  protected int randomRequests() {
    return 700;
  }

  @Override
  protected int attemptsPerThread() {
    return 40;
  }

  @ParameterizedTest
  @EnumSource(Algorithm.class)
  void twoInstancesOnRedisTimeShareOneLimit(Algorithm algorithm) throws Exception {
    Policy policy = Policy.of("shared", Limit.of("shared", algorithm, 40, Duration.ofDays(1)));
    RateLimiter[] instances = {onRedisTime(), onRedisTime()};
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger admitted = new AtomicInteger();
    List<Future<?>> done = new ArrayList<>();
    try {
      for (int t = 0; t < 8; t++) {
        RateLimiter instance = instances[t % 2];
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < 25; i++) {
                    Decision decision = instance.tryAcquire(policy, "caller");
                    assertThat(decision.degraded()).isFalse();
                    if (decision.allowed()) {
                      admitted.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(admitted.get()).isEqualTo(40);
  }

  @Test
  void everyKeyExpiresOnceItsStateIsFresh() {
    Policy policy =
        Policy.of(
            "ttl",
            Limit.parse("token-bucket 10/1s", "a"),
            Limit.parse("leaky-bucket 10/1s", "b"),
            Limit.parse("fixed-window 10/1m", "c"),
            Limit.parse("sliding-log 10/1m", "d"),
            Limit.parse("sliding-window 10/1m", "e"));

    onRedisTime().tryAcquire(policy, "caller");

    List<String> keys = LocalRedis.keys(redis, prefix);
    assertThat(keys).hasSize(5);
    for (String key : keys) {
      assertThat(redis.pttl(key)).as(key).isPositive().isLessThanOrEqualTo(121_000L);
    }
    assertThat(keys).anyMatch(key -> key.equals(prefix + "{caller}:ttl:a-10ps:tb"));
  }

  @Test
  void decidesOnRedisClockWhenNoTimeIsGiven() {
    Policy policy = Policy.of("clock", Limit.parse("token-bucket 2/1h", "c"));
    RateLimiter limiter = onRedisTime();

    assertThat(limiter.tryAcquire(policy, "caller").allowed()).isTrue();
    assertThat(limiter.tryAcquire(policy, "caller").allowed()).isTrue();
    Decision third = limiter.tryAcquire(policy, "caller");

    assertThat(third.allowed()).isFalse();
    assertThat(third.retryAfter()).isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
    assertThat(limiter.health().degraded()).isFalse();
    assertThat(limiter.health().details()).containsEntry("failureMode", "open");
  }
}
