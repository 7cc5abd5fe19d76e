package dev.mercado.platform.outbox.internal;

import dev.mercado.platform.jobs.Jobs;
import dev.mercado.platform.outbox.OutboxProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox events, in batches, oldest first, each through the transport its row
 * names (Kafka for events, AMQP for work items).
 *
 * <p>Each cycle locks a batch with {@code FOR UPDATE SKIP LOCKED} (so several instances can relay
 * side by side), sends it, waits for the brokers' acknowledgements (Kafka acks, AMQP confirms) and
 * marks what was acknowledged as sent, in one database transaction. An event is only marked sent if
 * every earlier event of its key in the batch was acknowledged too, so a key's order survives a
 * partial failure. While a broker is unreachable the relay backs off exponentially up to {@code
 * max-backoff}; the events stay in the table. It runs on its own thread from start-up to shutdown,
 * wakes up after every local commit that appended an event, and polls every {@code poll-interval}
 * for events committed elsewhere.
 */
public final class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final Duration BACKLOG_REFRESH = Duration.ofSeconds(1);
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  private static final int CLEANUP_BATCH = 1_000;
  private static final Duration CLEANUP_AT_MOST = Duration.ofMinutes(10);

  private final OutboxStore store;
  private final Map<String, OutboxTransport> transports;
  private final TransactionTemplate transactions;
  private final OutboxProperties properties;
  private final OutboxMetrics metrics;
  private final Clock clock;
  private final OutboxTracing tracing;
  private final Jobs jobs;
  private final Semaphore wakeUps = new Semaphore(0);
  private volatile boolean running;
  private volatile Thread thread;
  private Instant lastBacklog = Instant.EPOCH;
  private Instant lastCleanup = Instant.EPOCH;

  public OutboxRelay(
      OutboxStore store,
      List<OutboxTransport> transports,
      TransactionTemplate transactions,
      OutboxProperties properties,
      OutboxMetrics metrics,
      Clock clock,
      OutboxTracing tracing,
      Jobs jobs) {
    this.store = store;
    this.jobs = jobs;
    this.transports = new LinkedHashMap<>();
    transports.forEach(transport -> this.transports.put(transport.name(), transport));
    this.transactions = transactions;
    this.properties = properties;
    this.metrics = metrics;
    this.clock = clock;
    this.tracing = tracing;
  }

  /** Asks the relay to look for events now instead of at the next poll. */
  public void wakeUp() {
    wakeUps.release();
  }

  /**
   * Runs one relay cycle: locks, publishes and marks one batch.
   *
   * @return how many events were published
   * @throws RuntimeException if a broker did not acknowledge every event of the batch (those that
   *     were acknowledged in order are marked sent all the same)
   */
  public int relayOnce() {
    Integer published = transactions.execute(status -> publishBatch());
    return published == null ? 0 : published;
  }

  private int publishBatch() {
    List<OutboxStore.Row> batch = store.lockPublishable(properties.batchSize());
    if (batch.isEmpty()) {
      return 0;
    }
    List<CompletableFuture<?>> sends = new ArrayList<>(batch.size());
    Map<String, RuntimeException> unreachable = new HashMap<>();
    RuntimeException sendFailure = null;
    for (OutboxStore.Row row : batch) {
      OutboxTransport transport = transports.get(row.transport());
      RuntimeException known =
          transport == null
              ? new IllegalStateException("no outbox transport '" + row.transport() + "'")
              : unreachable.get(row.transport());
      if (known != null) {
        sends.add(CompletableFuture.failedFuture(known));
        continue;
      }
      OutboxTracing.Publication publication = tracing.publishing(row);
      try {
        CompletableFuture<?> sent = transport.send(row, publication.headers());
        sent.whenComplete((ack, failure) -> publication.end(failure));
        sends.add(sent);
      } catch (RuntimeException e) {
        publication.end(e);
        // the broker could not even be asked (no metadata, no connection): it is unreachable
        unreachable.put(row.transport(), e);
        sendFailure = sendFailure == null ? e : sendFailure;
        sends.add(CompletableFuture.failedFuture(e));
      }
    }
    transports.values().forEach(OutboxTransport::flush);
    List<Long> acknowledged = new ArrayList<>();
    Set<String> brokenKeys = new HashSet<>();
    Exception firstFailure = sendFailure;
    long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
    for (int i = 0; i < batch.size(); i++) {
      OutboxStore.Row row = batch.get(i);
      try {
        sends.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (!brokenKeys.contains(row.key())) {
          acknowledged.add(row.position());
          metrics.published(Duration.between(row.createdAt(), clock.instant()));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        brokenKeys.add(row.key());
        firstFailure = firstFailure == null ? e : firstFailure;
      } catch (Exception e) {
        brokenKeys.add(row.key());
        firstFailure = firstFailure == null ? e : firstFailure;
      }
    }
    store.markSent(acknowledged);
    int failed = batch.size() - acknowledged.size();
    if (failed > 0) {
      metrics.failed(failed);
      throw new OutboxPublishException(failed, batch.size(), firstFailure);
    }
    return acknowledged.size();
  }

  /** Deletes sent events older than the retention; returns how many. */
  public int cleanUp() {
    Instant cutoff = clock.instant().minus(properties.retention());
    int deleted = 0;
    int round;
    do {
      round = store.deleteSentBefore(cutoff, CLEANUP_BATCH);
      deleted += round;
    } while (round == CLEANUP_BATCH && running);
    return deleted;
  }

  private void loop() {
    Duration backoff = Duration.ZERO;
    while (running) {
      try {
        int published = relayOnce();
        backoff = Duration.ZERO;
        housekeeping();
        if (published < properties.batchSize()) {
          waitForWork(properties.pollInterval());
        }
      } catch (RuntimeException e) {
        backoff = nextBackoff(backoff);
        log.warn("outbox relay: {}; retrying in {} ms", e.getMessage(), backoff.toMillis());
        housekeeping();
        waitForWork(backoff);
      }
    }
  }

  private Duration nextBackoff(Duration current) {
    Duration next = current.isZero() ? FIRST_BACKOFF : current.multipliedBy(2);
    return next.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : next;
  }

  private void housekeeping() {
    Instant now = clock.instant();
    try {
      if (Duration.between(lastBacklog, now).compareTo(BACKLOG_REFRESH) >= 0) {
        lastBacklog = now;
        metrics.backlog(store.backlog());
      }
      if (Duration.between(lastCleanup, now).compareTo(properties.cleanupInterval()) >= 0) {
        lastCleanup = now;
        // one instance cleans up at a time (platform-jobs); the others skip this round
        jobs.runOnce(
            "outbox.clean-up",
            CLEANUP_AT_MOST,
            () -> {
              int deleted = cleanUp();
              if (deleted > 0) {
                log.info(
                    "outbox clean-up deleted {} sent events older than {}",
                    deleted,
                    properties.retention());
              }
            });
      }
    } catch (RuntimeException e) {
      log.warn("outbox housekeeping failed: {}", e.getMessage());
    }
  }

  private void waitForWork(Duration timeout) {
    try {
      if (wakeUps.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        wakeUps.drainPermits();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public boolean isAutoStartup() {
    return properties.relayEnabled();
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = new Thread(this::loop, "outbox-relay");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public synchronized void stop() {
    running = false;
    Thread current = thread;
    if (current != null) {
      current.interrupt();
      try {
        current.join(properties.sendTimeout().plusSeconds(5).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    thread = null;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** A broker did not acknowledge every event of a batch; they stay unsent and are retried. */
  static final class OutboxPublishException extends RuntimeException {
    OutboxPublishException(int failed, int of, Throwable cause) {
      super(
          failed
              + " of "
              + of
              + " events not acknowledged by their broker ("
              + (cause == null ? "unknown" : cause.getMessage())
              + ")",
          cause);
    }
  }
}
