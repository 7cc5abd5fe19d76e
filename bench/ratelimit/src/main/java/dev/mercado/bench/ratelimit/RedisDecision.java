package dev.mercado.bench.ratelimit;

import dev.mercado.platform.ratelimit.Algorithm;
import dev.mercado.platform.ratelimit.Decision;
import dev.mercado.platform.ratelimit.Limit;
import dev.mercado.platform.ratelimit.Policy;
import dev.mercado.platform.ratelimit.RateLimitProperties;
import dev.mercado.platform.ratelimit.internal.RedisRateLimiter;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Latency of one Redis decision per algorithm (the limiter's own path: EVALSHA of the policy script
 * on Redis's clock, awaited), against the floor: an EVALSHA of {@code return 1} with the same keys
 * and arguments, on a connection with the same options, awaited the same way. Sampled, so the
 * results carry percentiles. Needs Redis at {@code -Dredis.uri} (default 127.0.0.1:6379); keys
 * under a random prefix, deleted afterwards.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class RedisDecision {

  @Param({"NOOP_EVALSHA", "TOKEN_BUCKET", "LEAKY_BUCKET", "FIXED_WINDOW", "SLIDING_LOG",
      "SLIDING_WINDOW"})
  public String target;

  private static final String URI = System.getProperty("redis.uri", "redis://127.0.0.1:6379");

  private final String prefix = "mercado:rl:bench:" + UUID.randomUUID() + ":";
  private RedisRateLimiter limiter;
  private Policy policy;
  private RedisClient client;
  private StatefulRedisConnection<String, String> connection;
  private String noop;
  private String[] keys;
  private String[] args;

  @Setup(Level.Trial)
  public void setUp() {
    client = RedisClient.create(URI);
    client.setOptions(
        ClientOptions.builder()
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(1)))
            .build());
    connection = client.connect();
    if (target.equals("NOOP_EVALSHA")) {
      noop = connection.sync().scriptLoad("return 1");
      keys = new String[] {prefix + "{client}:noop"};
      args = new String[] {"-1", "1", "1", "10000", "1000000", "10000"};
    } else {
      Algorithm algorithm = Algorithm.valueOf(target);
      policy = Policy.of("bench", Limit.of("bench", algorithm, 10_000, Duration.ofSeconds(1)));
      limiter =
          new RedisRateLimiter(
              RateLimitProperties.Redis.at(URI)
                  .withKeyPrefix(prefix)
                  .withTimeout(Duration.ofSeconds(1)),
              null);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    var redis = connection.sync();
    var stale = redis.keys(prefix + "*");
    if (!stale.isEmpty()) {
      redis.del(stale.toArray(String[]::new));
    }
    if (limiter != null) {
      limiter.close();
    }
    connection.close();
    client.shutdown();
  }

  @Benchmark
  public Object decide() {
    if (limiter == null) {
      return connection
          .async()
          .<Long>evalsha(noop, ScriptOutputType.INTEGER, keys, args)
          .toCompletableFuture()
          .join();
    }
    Decision decision = limiter.tryAcquireAsync(policy, "client").toCompletableFuture().join();
    if (decision.degraded()) {
      throw new IllegalStateException(decision.failure());
    }
    return decision;
  }
}
