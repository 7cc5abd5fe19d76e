package dev.mercado.platform.chaos.internal;

import de.codecentric.spring.boot.chaos.monkey.configuration.AssaultProperties;
import de.codecentric.spring.boot.chaos.monkey.configuration.ChaosMonkeySettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends every Chaos Monkey assault of this service by itself (F8, R6): the first check that sees an
 * assault active gives it the default duration unless {@link #expireIn(Duration)} gave it another;
 * the first check after its deadline switches every assault off. It lives in the service, so the
 * bound holds whoever switched the assault on and whatever happened to them since (the {@code
 * ./mercado chaos} command exits at once; a script may die).
 *
 * <p>Thread-safe: the deadline is guarded by this object's monitor. Chaos Monkey's own endpoint
 * changes the assault's flags concurrently; a deadline that passes while someone switches a new
 * assault on may end that one too (at worst, too early, never too late).
 */
public final class AssaultDeadline implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AssaultDeadline.class);

  private final ChaosMonkeySettings settings;
  private final Duration defaultDuration;
  private final Duration maxDuration;
  private final Clock clock;
  private ScheduledExecutorService checks;
  private Instant until;

  public AssaultDeadline(
      ChaosMonkeySettings settings, Duration defaultDuration, Duration maxDuration, Clock clock) {
    this.settings = settings;
    this.defaultDuration = defaultDuration;
    this.maxDuration = maxDuration;
    this.clock = clock;
  }

  /** Checks every {@code interval} on a daemon thread of its own, until {@link #close()}. */
  public synchronized void start(Duration interval) {
    if (checks != null) {
      return;
    }
    checks =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "chaos-deadline");
              thread.setDaemon(true);
              return thread;
            });
    checks.scheduleWithFixedDelay(
        () -> {
          try {
            check();
          } catch (RuntimeException e) {
            log.warn("chaos deadline check failed; next check in {}", interval, e);
          }
        },
        interval.toMillis(),
        interval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (checks != null) {
      checks.shutdownNow();
      checks = null;
    }
  }

  /** One check: start the clock of a new assault, or end an assault whose time is up. */
  public synchronized void check() {
    if (!active()) {
      until = null;
      return;
    }
    Instant now = clock.instant();
    if (until == null) {
      until = now.plus(defaultDuration);
      log.info("chaos assault on {}; it ends by itself at {}", describe(), until);
    } else if (!now.isBefore(until)) {
      switchOff();
      log.info("chaos assault ended: its time was up at {}", until);
      until = null;
    }
  }

  /**
   * Moves the active assault's end to {@code duration} from now.
   *
   * @throws IllegalArgumentException if the duration is not positive or longer than the maximum
   * @throws IllegalStateException if no assault is active
   */
  public synchronized Instant expireIn(Duration duration) {
    if (duration.isNegative() || duration.isZero() || duration.compareTo(maxDuration) > 0) {
      throw new IllegalArgumentException(
          "an assault lasts more than 0 and at most " + maxDuration.toSeconds() + " seconds");
    }
    if (!active()) {
      throw new IllegalStateException("no assault is active");
    }
    until = clock.instant().plus(duration);
    log.info("chaos assault on {}; it ends by itself at {}", describe(), until);
    return until;
  }

  /** When the active assault ends, if one is active and its clock has started. */
  public synchronized Optional<Instant> until() {
    return active() ? Optional.ofNullable(until) : Optional.empty();
  }

  /** The monkey, its assault and its deadline, as the endpoint and {@code chaos status} show it. */
  public synchronized Map<String, Object> status() {
    AssaultProperties assault = settings.getAssaultProperties();
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("enabled", settings.getChaosMonkeyProperties().isEnabled());
    status.put("exceptionsActive", assault.isExceptionsActive());
    status.put("latencyActive", assault.isLatencyActive());
    status.put("level", assault.getLevel());
    if (assault.isLatencyActive()) {
      status.put("latencyRangeStart", assault.getLatencyRangeStart());
      status.put("latencyRangeEnd", assault.getLatencyRangeEnd());
    }
    Optional<Instant> end = until();
    status.put("until", end.map(Instant::toString).orElse(null));
    status.put(
        "remainingSeconds",
        end.map(at -> Math.max(0, Duration.between(clock.instant(), at).toSeconds())).orElse(0L));
    return status;
  }

  private boolean active() {
    AssaultProperties assault = settings.getAssaultProperties();
    return assault.isExceptionsActive()
        || assault.isLatencyActive()
        || assault.isMemoryActive()
        || assault.isCpuActive()
        || assault.isKillApplicationActive();
  }

  private void switchOff() {
    AssaultProperties assault = settings.getAssaultProperties();
    assault.setExceptionsActive(false);
    assault.setLatencyActive(false);
    assault.setMemoryActive(false);
    assault.setCpuActive(false);
    assault.setKillApplicationActive(false);
  }

  private String describe() {
    AssaultProperties assault = settings.getAssaultProperties();
    return "exceptions="
        + assault.isExceptionsActive()
        + " latency="
        + assault.isLatencyActive()
        + " level="
        + assault.getLevel();
  }
}
