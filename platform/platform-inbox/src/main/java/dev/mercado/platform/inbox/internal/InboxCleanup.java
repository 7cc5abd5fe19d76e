package dev.mercado.platform.inbox.internal;

import dev.mercado.platform.jobs.Jobs;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps {@code inbox_message} bounded: every {@code interval}, deletes the ids received more than
 * {@code retention} ago, on its own daemon thread from start-up to shutdown. One instance of a
 * scaled service runs each round (platform-jobs); the others skip it.
 */
public final class InboxCleanup implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(InboxCleanup.class);
  private static final int BATCH = 1_000;

  private final JdbcInbox inbox;
  private final Duration retention;
  private final Duration interval;
  private final Clock clock;
  private final Jobs jobs;
  private ScheduledExecutorService executor;

  public InboxCleanup(
      JdbcInbox inbox, Duration retention, Duration interval, Clock clock, Jobs jobs) {
    this.inbox = inbox;
    this.jobs = jobs;
    this.retention = retention;
    this.interval = interval;
    this.clock = clock;
  }

  /** Runs one clean-up now; returns how many ids were forgotten. */
  public int cleanUp() {
    return inbox.forgetBefore(clock.instant().minus(retention), BATCH);
  }

  @Override
  public synchronized void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "inbox-cleanup");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(
        this::cleanUpAndLog, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void cleanUpAndLog() {
    try {
      jobs.runOnce(
          "inbox.clean-up",
          interval,
          () -> {
            int deleted = cleanUp();
            if (deleted > 0) {
              log.info("inbox clean-up forgot {} event ids older than {}", deleted, retention);
            }
          });
    } catch (RuntimeException e) {
      log.warn("inbox clean-up failed: {}", e.getMessage());
    }
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }
}
