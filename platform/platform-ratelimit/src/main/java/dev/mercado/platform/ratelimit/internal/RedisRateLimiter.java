package dev.mercado.platform.ratelimit.internal;

import dev.mercado.platform.ratelimit.Algorithm;
import dev.mercado.platform.ratelimit.BackendHealth;
import dev.mercado.platform.ratelimit.Decision;
import dev.mercado.platform.ratelimit.FailureMode;
import dev.mercado.platform.ratelimit.Limit;
import dev.mercado.platform.ratelimit.Policy;
import dev.mercado.platform.ratelimit.RateLimitProperties;
import dev.mercado.platform.ratelimit.RateLimiter;
import dev.mercado.platform.ratelimit.TimeSource;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redis backend: every decision is one {@code EVALSHA} of {@code ratelimit.lua}, which checks
 * all limits of the policy and charges all or none, atomically, on Redis's clock ({@code TIME}), so
 * any number of gateway instances share the limits and agree on time. The script is loaded once and
 * reloaded when Redis answers {@code NOSCRIPT} (after a restart or {@code SCRIPT FLUSH}).
 *
 * <p>Keys are {@code <prefix>{<key>}:<policy>:<limit>:<algorithm code>}: the braces keep one
 * caller's limits in one Redis Cluster slot, as a multi-key script requires; each key expires when
 * its state equals a fresh one.
 *
 * <p>Failures never reach the caller: while Redis is unreachable (refused, disconnected, slower
 * than the command timeout) decisions follow the {@link FailureMode} at once — commands are
 * rejected while disconnected instead of queueing — and {@link #health()} reports degraded with the
 * last error. Lettuce reconnects in the background (every 0.1 s to 2 s); a limiter that could never
 * connect retries at most once a second, when asked.
 */
public final class RedisRateLimiter implements RateLimiter {

  private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);
  private static final String SCRIPT = script();
  private static final Duration RETRY_CONNECT = Duration.ofSeconds(1);

  private final RedisURI uri;
  private final ClientResources resources;
  private final RedisClient client;
  private final FailureMode failureMode;
  private final String prefix;
  private final TimeSource time;
  private final String sha;
  private final ConcurrentHashMap<Policy, String[]> arguments = new ConcurrentHashMap<>();
  private final AtomicReference<StatefulRedisConnection<String, String>> connection =
      new AtomicReference<>();
  private final AtomicBoolean connecting = new AtomicBoolean();
  private volatile long nextConnect;
  private volatile Failure failure;

  /** Why and since when the backend fails. */
  private record Failure(String error, Instant since, Instant last) {}

  /**
   * @param settings where Redis is, timeouts, failure mode and key prefix
   * @param time {@code null} (production): Redis's own clock; otherwise this time is passed to the
   *     script, for deterministic tests
   */
  public RedisRateLimiter(RateLimitProperties.Redis settings, TimeSource time) {
    this.uri = RedisURI.create(settings.uri());
    this.uri.setTimeout(settings.timeout());
    this.failureMode = settings.failureMode();
    this.prefix = settings.keyPrefix();
    this.time = time;
    this.resources =
        ClientResources.builder()
            .ioThreadPoolSize(2)
            .computationThreadPoolSize(2)
            .reconnectDelay(
                Delay.exponential(
                    Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
            .build();
    this.client = RedisClient.create(resources, uri);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(settings.timeout()))
            .socketOptions(
                SocketOptions.builder().connectTimeout(settings.connectTimeout()).build())
            .build());
    this.sha = sha1(SCRIPT);
    awaitFirstConnection(settings.connectTimeout());
  }

  /** Waits for the first connection attempt, so a service starts with its limits shared. */
  private void awaitFirstConnection(Duration timeout) {
    try {
      connect().toCompletableFuture().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      failed(e);
    }
  }

  /** Starts a connection attempt unless one runs or the last failed less than a second ago. */
  private CompletionStage<Void> connect() {
    if (!connecting.compareAndSet(false, true)) {
      return CompletableFuture.completedFuture(null);
    }
    nextConnect = System.nanoTime() + RETRY_CONNECT.toNanos();
    return client
        .connectAsync(StringCodec.UTF8, uri)
        .thenCompose(
            opened ->
                opened
                    .async()
                    .scriptLoad(SCRIPT)
                    .whenComplete(
                        (loaded, error) -> {
                          if (error != null) {
                            opened.closeAsync();
                          }
                        })
                    .thenApply(
                        loaded -> {
                          connection.set(opened);
                          succeeded();
                          log.info("rate limiter connected to Redis at {}", where());
                          return (Void) null;
                        }))
        .handle(
            (ok, error) -> {
              if (error != null) {
                failed(error);
              }
              connecting.set(false);
              return null;
            });
  }

  @Override
  public Decision tryAcquire(Policy policy, String key, int permits) {
    return tryAcquireAsync(policy, key, permits).toCompletableFuture().join();
  }

  @Override
  public CompletionStage<Decision> tryAcquireAsync(Policy policy, String key, int permits) {
    MemoryRateLimiter.checkPermits(policy, permits);
    StatefulRedisConnection<String, String> open = connection.get();
    if (open == null) {
      if (System.nanoTime() >= nextConnect) {
        connect();
      }
      Failure current = failure;
      return CompletableFuture.completedFuture(
          failedDecision(policy, current == null ? "not connected to Redis" : current.error()));
    }
    String[] keys = keys(policy, key);
    String[] args = args(policy, permits);
    RedisAsyncCommands<String, String> commands = open.async();
    CompletionStage<List<Object>> reply =
        commands
            .<List<Object>>evalsha(sha, ScriptOutputType.MULTI, keys, args)
            .handle(
                (result, error) -> {
                  if (error == null) {
                    return CompletableFuture.completedFuture(result);
                  }
                  if (unwrap(error) instanceof RedisNoScriptException) {
                    // Redis restarted or its scripts were flushed: EVAL sends and caches it again
                    return commands
                        .<List<Object>>eval(SCRIPT, ScriptOutputType.MULTI, keys, args)
                        .toCompletableFuture();
                  }
                  return CompletableFuture.<List<Object>>failedFuture(unwrap(error));
                })
            .thenCompose(stage -> stage);
    return reply.handle(
        (result, error) -> {
          if (error != null) {
            return failedDecision(policy, failed(error));
          }
          succeeded();
          return decision(policy, result);
        });
  }

  private Decision failedDecision(Policy policy, String error) {
    return Decision.failed(
        policy.name(), failureMode, "rate limiter degraded: " + error, RETRY_CONNECT);
  }

  private static Decision decision(Policy policy, List<Object> reply) {
    int count = policy.limits().size();
    Outcome[] outcomes = new Outcome[count];
    for (int i = 0; i < count; i++) {
      int at = 2 + i * 5;
      outcomes[i] =
          new Outcome()
              .set(
                  number(reply.get(at)) == 1,
                  number(reply.get(at + 1)),
                  number(reply.get(at + 2)),
                  number(reply.get(at + 3)),
                  number(reply.get(at + 4)));
    }
    return Outcome.decision(policy, outcomes);
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }

  private String[] keys(Policy policy, String key) {
    List<Limit> limits = policy.limits();
    String[] keys = new String[limits.size()];
    String base = prefix + "{" + key + "}:" + policy.name() + ":";
    for (int i = 0; i < keys.length; i++) {
      Limit limit = limits.get(i);
      keys[i] = base + limit.name() + ":" + limit.algorithm().code();
    }
    return keys;
  }

  private String[] args(Policy policy, int permits) {
    String[] template = arguments.computeIfAbsent(policy, RedisRateLimiter::template);
    String[] args = template.clone();
    args[0] = time == null ? "-1" : Long.toString(time.micros());
    args[1] = Integer.toString(permits);
    return args;
  }

  private static String[] template(Policy policy) {
    List<Limit> limits = policy.limits();
    String[] args = new String[2 + limits.size() * 4];
    for (int i = 0; i < limits.size(); i++) {
      Limit limit = limits.get(i);
      args[2 + i * 4] = Integer.toString(code(limit.algorithm()));
      args[3 + i * 4] = Long.toString(limit.permits());
      args[4 + i * 4] = Long.toString(limit.periodMicros());
      args[5 + i * 4] = Long.toString(limit.capacity());
    }
    return args;
  }

  private static int code(Algorithm algorithm) {
    return algorithm.ordinal() + 1;
  }

  private void succeeded() {
    Failure recovered = failure;
    if (recovered != null) {
      failure = null;
      log.info(
          "rate limiter: Redis at {} reachable again after {}",
          where(),
          Duration.between(recovered.since(), Instant.now()));
    }
  }

  /** Records a failure; returns its description. */
  private String failed(Throwable error) {
    Throwable cause = unwrap(error);
    String message = cause.getClass().getSimpleName() + ": " + cause.getMessage();
    Instant now = Instant.now();
    Failure previous = failure;
    failure = new Failure(message, previous == null ? now : previous.since(), now);
    if (previous == null) {
      log.warn(
          "rate limiter: Redis at {} unreachable ({}); failing {} until it is back",
          where(),
          message,
          failureMode.name().toLowerCase(Locale.ROOT));
    }
    return message;
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private String where() {
    return uri.getHost() + ":" + uri.getPort();
  }

  @Override
  public String backend() {
    return "redis";
  }

  /**
   * Pings Redis (bounded by the command timeout) and reports: degraded, with the failure mode, the
   * last error and since when, while Redis is unreachable.
   */
  @Override
  public BackendHealth health() {
    StatefulRedisConnection<String, String> open = connection.get();
    if (open == null) {
      if (System.nanoTime() >= nextConnect) {
        connect();
      }
    } else {
      try {
        open.async()
            .ping()
            .toCompletableFuture()
            .get(uri.getTimeout().toMillis(), TimeUnit.MILLISECONDS);
        succeeded();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException | RuntimeException e) {
        failed(e);
      }
    }
    Failure current = failure;
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("backend", "redis");
    details.put("redis", where());
    details.put("failureMode", failureMode.name().toLowerCase(Locale.ROOT));
    if (open == null && current == null) {
      details.put("lastError", "not connected yet");
      return new BackendHealth("redis", true, details);
    }
    if (current != null) {
      details.put("lastError", current.error());
      details.put("degradedSince", current.since().toString());
      details.put("lastErrorAt", current.last().toString());
    }
    return new BackendHealth("redis", current != null, details);
  }

  @Override
  public void close() {
    StatefulRedisConnection<String, String> open = connection.getAndSet(null);
    if (open != null) {
      open.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }

  private static String script() {
    try (InputStream in = RedisRateLimiter.class.getResourceAsStream("ratelimit.lua")) {
      if (in == null) {
        throw new IllegalStateException("ratelimit.lua is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha1(String script) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-1")
              .digest(script.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }
}
