package dev.mercado.platform.ratelimit.internal;

import dev.mercado.platform.ratelimit.BackendHealth;
import dev.mercado.platform.ratelimit.Decision;
import dev.mercado.platform.ratelimit.Policy;
import dev.mercado.platform.ratelimit.RateLimiter;
import dev.mercado.platform.ratelimit.TimeSource;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-memory backend: one state per (policy, key) in a concurrent map, each decided under its
 * own monitor, so decisions on different keys never contend and those on one key are serialised.
 *
 * <p>Memory stays bounded two ways. A key's state records from when on it equals a fresh one (a
 * token bucket full again, a window past); a sweeper thread drops such keys every sweep interval.
 * And at most {@code maxKeys} states are kept: past that a sweep runs at once and, if every key is
 * still active (a flood of distinct keys), arbitrary keys are dropped down to 90% — those keys
 * start afresh, which over-admits them; the alternative would be running out of memory.
 */
public final class MemoryRateLimiter implements RateLimiter {

  private final TimeSource time;
  private final int maxKeys;
  private final ConcurrentHashMap<Policy, Table> tables = new ConcurrentHashMap<>();
  private final AtomicInteger keys = new AtomicInteger();
  private final ReentrantLock overflow = new ReentrantLock();
  private final ScheduledExecutorService sweeper;

  /**
   * @param time the clock
   * @param maxKeys the most states kept across all policies
   * @param sweepInterval how often idle keys are dropped; zero: only when {@code maxKeys} is
   *     reached or {@link #sweep()} is called
   */
  public MemoryRateLimiter(TimeSource time, int maxKeys, Duration sweepInterval) {
    this.time = Objects.requireNonNull(time, "time");
    if (maxKeys < 1) {
      throw new IllegalArgumentException("maxKeys must be at least 1");
    }
    this.maxKeys = maxKeys;
    if (sweepInterval.isZero()) {
      sweeper = null;
    } else {
      sweeper =
          Executors.newSingleThreadScheduledExecutor(
              task -> {
                Thread thread = new Thread(task, "ratelimit-sweeper");
                thread.setDaemon(true);
                return thread;
              });
      long millis = sweepInterval.toMillis();
      sweeper.scheduleWithFixedDelay(this::sweep, millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  private static final class Table {
    final CompiledPolicy compiled;
    final ConcurrentHashMap<String, KeyState> states = new ConcurrentHashMap<>();

    Table(Policy policy) {
      compiled = new CompiledPolicy(policy);
    }
  }

  @Override
  public Decision tryAcquire(Policy policy, String key, int permits) {
    checkPermits(policy, permits);
    Objects.requireNonNull(key, "key");
    Table table = tables.get(policy);
    if (table == null) {
      table = tables.computeIfAbsent(policy, Table::new);
    }
    while (true) {
      KeyState state = table.states.get(key);
      if (state == null) {
        state = create(table, key);
      }
      synchronized (state) {
        if (!state.dead) {
          return table.compiled.decide(state, time.micros(), permits);
        }
      }
    }
  }

  @Override
  public CompletionStage<Decision> tryAcquireAsync(Policy policy, String key, int permits) {
    return CompletableFuture.completedFuture(tryAcquire(policy, key, permits));
  }

  static void checkPermits(Policy policy, int permits) {
    if (permits < 1 || permits > policy.maxPermits()) {
      throw new IllegalArgumentException(
          "permits must be between 1 and "
              + policy.maxPermits()
              + " (the smallest capacity of policy "
              + policy.name()
              + "), not "
              + permits);
    }
  }

  private KeyState create(Table table, String key) {
    KeyState fresh = table.compiled.newState(time.micros());
    KeyState existing = table.states.putIfAbsent(key, fresh);
    if (existing != null) {
      return existing;
    }
    if (keys.incrementAndGet() > maxKeys) {
      shed();
    }
    return fresh;
  }

  /** Too many keys: sweep now; if that was not enough, drop keys down to 90% of the maximum. */
  private void shed() {
    if (!overflow.tryLock()) {
      return;
    }
    try {
      sweep();
      int target = Math.max(1, maxKeys / 10 * 9);
      for (Table table : tables.values()) {
        Iterator<Map.Entry<String, KeyState>> entries = table.states.entrySet().iterator();
        while (keys.get() > target && entries.hasNext()) {
          drop(table, entries.next(), Long.MAX_VALUE);
        }
      }
    } finally {
      overflow.unlock();
    }
  }

  /**
   * Drops every key whose state equals a fresh one by now.
   *
   * @return how many keys were dropped
   */
  public int sweep() {
    long now = time.micros();
    int dropped = 0;
    for (Table table : tables.values()) {
      for (Map.Entry<String, KeyState> entry : table.states.entrySet()) {
        if (entry.getValue().idleAt <= now && drop(table, entry, now)) {
          dropped++;
        }
      }
    }
    return dropped;
  }

  private boolean drop(Table table, Map.Entry<String, KeyState> entry, long idleBy) {
    KeyState state = entry.getValue();
    synchronized (state) {
      if (state.dead || state.idleAt > idleBy) {
        return false;
      }
      state.dead = true;
    }
    if (table.states.remove(entry.getKey(), state)) {
      keys.decrementAndGet();
    }
    return true;
  }

  /** How many keys hold state now. */
  public int size() {
    return keys.get();
  }

  @Override
  public String backend() {
    return "memory";
  }

  @Override
  public BackendHealth health() {
    return new BackendHealth("memory", false, Map.of("keys", size(), "maxKeys", maxKeys));
  }

  @Override
  public void close() {
    if (sweeper != null) {
      sweeper.shutdownNow();
    }
  }
}
