package dev.mercado.platform.ratelimit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mercado.platform.ratelimit.Decision;
import dev.mercado.platform.ratelimit.FailureMode;
import dev.mercado.platform.ratelimit.Limit;
import dev.mercado.platform.ratelimit.Policy;
import dev.mercado.platform.ratelimit.RateLimitHeaders;
import dev.mercado.platform.ratelimit.RateLimitProblem;
import dev.mercado.platform.ratelimit.RateLimitProperties;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/**
 * Redis down: a limiter pointed at a closed port answers by its failure mode at once, shows
 * degraded health and never throws; and a limiter whose Redis stops and comes back (a Redis server
 * of its own on a free port) degrades, then recovers by itself, reloading its script into the new
 * server.
 */
class RedisOutageIT {

  private static final Policy POLICY = Policy.of("outage", Limit.parse("token-bucket 5/1s", "o"));

  private RedisRateLimiter limiter;
  private Process server;

  @AfterEach
  void stop() throws InterruptedException {
    if (limiter != null) {
      limiter.close();
    }
    stopServer();
  }

  private static RateLimitProperties.Redis at(int port, FailureMode mode) {
    return RateLimitProperties.Redis.at("redis://127.0.0.1:" + port)
        .withTimeout(Duration.ofMillis(500))
        .withFailureMode(mode)
        .withKeyPrefix("mercado:rl:outage-it:");
  }

  @Test
  void failsOpenWhileRedisIsUnreachableAndShowsItDegraded() {
    limiter = new RedisRateLimiter(at(LocalRedis.closedPort(), FailureMode.OPEN), null);

    long start = System.nanoTime();
    Decision decision = limiter.tryAcquire(POLICY, "caller");
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(decision.allowed()).isTrue();
    assertThat(decision.degraded()).isTrue();
    assertThat(decision.failure()).contains("rate limiter degraded");
    assertThat(decision.quotas()).isEmpty();
    assertThat(RateLimitHeaders.of(decision)).isEmpty();
    assertThat(took).isLessThan(Duration.ofMillis(100));
    var health = new RateLimiterHealthIndicator(limiter).health();
    assertThat(health.getStatus()).isEqualTo(RateLimiterHealthIndicator.DEGRADED);
    assertThat(health.getDetails())
        .containsEntry("backend", "redis")
        .containsEntry("failureMode", "open")
        .containsKeys("lastError", "degradedSince");
  }

  @Test
  void failsClosedWith503AndAReason() {
    limiter = new RedisRateLimiter(at(LocalRedis.closedPort(), FailureMode.CLOSED), null);

    Decision decision = limiter.tryAcquire(POLICY, "caller");
    RateLimitProblem problem = RateLimitProblem.of(decision);

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.failure()).contains("rate limiter degraded");
    assertThat(decision.retryAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(problem.status()).isEqualTo(503);
    assertThat(problem.type()).isEqualTo(RateLimitProblem.TEMPORARY_REDUCED_CAPACITY);
    assertThat(problem.detail()).contains("rejects requests until it can");
    assertThat(RateLimitHeaders.of(decision)).containsEntry("Retry-After", "1");
  }

  @Test
  void recoversWhenRedisComesBackAndReloadsItsScript() throws Exception {
    LocalRedis.assumeLocal();
    int port = LocalRedis.closedPort();
    limiter = new RedisRateLimiter(at(port, FailureMode.CLOSED), null);
    assertThat(limiter.tryAcquire(POLICY, "caller").degraded()).as("no server yet").isTrue();

    startServer(port);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !limiter.tryAcquire(POLICY, "caller").degraded());
    assertThat(new RateLimiterHealthIndicator(limiter).health().getStatus()).isEqualTo(Status.UP);

    stopServer();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> limiter.tryAcquire(POLICY, "caller").degraded());
    Decision whileDown = limiter.tryAcquire(POLICY, "caller");
    assertThat(whileDown.allowed()).as("fails closed").isFalse();
    assertThat(limiter.health().degraded()).isTrue();

    startServer(port);
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> !limiter.tryAcquire(POLICY, "caller").degraded());
    Decision afterwards = limiter.tryAcquire(POLICY, "caller");
    assertThat(afterwards.quotas()).as("decided by the new server's script").hasSize(1);
    assertThat(limiter.health().degraded()).isFalse();
    assertThat(commandStats(port))
        .as("the new server answered NOSCRIPT, so the script was sent again with EVAL")
        .contains("cmdstat_eval:");
  }

  private static String commandStats(int port) {
    RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      return connection.sync().info("commandstats");
    } finally {
      client.shutdown();
    }
  }

  /** A Redis server of this test's own, so stopping it disturbs nobody. */
  private void startServer(int port) throws IOException {
    assumeTrue(onPath("redis-server"), "needs the redis-server program of this machine's Redis");
    Path dir = Files.createDirectories(Path.of("target", "redis-outage-it"));
    server =
        new ProcessBuilder(
                "redis-server",
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                dir.toAbsolutePath().toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("server-" + port + ".log").toFile())
            .start();
    await().atMost(Duration.ofSeconds(10)).until(() -> listening(port));
  }

  private void stopServer() throws InterruptedException {
    if (server != null) {
      server.destroy();
      server.waitFor();
      server = null;
    }
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
