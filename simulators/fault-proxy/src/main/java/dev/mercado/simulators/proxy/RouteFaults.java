package dev.mercado.simulators.proxy;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The faults of one route now, which expire by themselves, and a way for the threads that forward
 * bytes to wait until they change. Thread-safe.
 *
 * <p>Faults count as cleared from the instant they expire, whoever asks; {@link #expire} is what
 * makes the expiry an event, so that waiting threads wake up and the route can act on it.
 */
final class RouteFaults {

  private final Clock clock;
  private ActiveFaults active = ActiveFaults.NONE;
  private long version;

  RouteFaults(Clock clock) {
    this.clock = clock;
  }

  /** The faults now; {@link ActiveFaults#NONE} once they expired. */
  synchronized ActiveFaults current() {
    return active.expiredAt(clock.instant()) ? ActiveFaults.NONE : active;
  }

  /** Shorthand for {@code current().faults()}. */
  Faults faults() {
    return current().faults();
  }

  /**
   * The faults as last set, even if they expired since: what the connections may still bear the
   * marks of until the expiry is handled.
   */
  synchronized Faults lastSet() {
    return active.faults();
  }

  /** A number that changes with every change of the faults, for {@link #awaitChange}. */
  synchronized long version() {
    return version;
  }

  /**
   * Replaces the faults, to expire after {@code duration}, and wakes every waiting thread.
   *
   * @return the version of the new faults, for {@link #expire}
   */
  synchronized long set(Faults faults, Duration duration) {
    active = ActiveFaults.of(faults, duration, clock.instant());
    return changed();
  }

  /** Clears the faults and wakes every waiting thread. */
  synchronized void clear() {
    active = ActiveFaults.NONE;
    changed();
  }

  /**
   * Clears the faults if they are still those of {@code version}, since a later change replaces
   * them and their bound.
   *
   * @return the faults that expired, or null if they had been changed since
   */
  synchronized Faults expire(long version) {
    if (this.version != version) {
      return null;
    }
    Faults expired = active.faults();
    active = ActiveFaults.NONE;
    changed();
    return expired;
  }

  /**
   * Waits until the version is no longer {@code seen} or {@code nanos} have passed, whichever comes
   * first; returns at once if it has changed already.
   */
  synchronized void awaitChange(long seen, long nanos) throws InterruptedException {
    long deadline = System.nanoTime() + nanos;
    while (version == seen) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  private long changed() {
    version++;
    notifyAll();
    return version;
  }
}
