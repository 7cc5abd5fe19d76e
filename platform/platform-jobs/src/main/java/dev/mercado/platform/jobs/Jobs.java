package dev.mercado.platform.jobs;

import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor.TaskResult;

/**
 * Runs a scheduled job's round in one instance of a service at a time: each round takes the job's
 * lock row in the service's own database and skips the round when another instance holds it
 * (ShedLock, {@code shedlock} table). A round that outlives {@code atMostFor} (an instance that
 * died holding the lock) lets another instance take over after that time.
 *
 * <pre>{@code
 * @Scheduled(fixedDelayString = "${mercado.orders.deadline-check:500ms}")
 * void tick() {
 *   jobs.runOnce("orders.deadline-clock", Duration.ofSeconds(30), saga::expireDeadlines);
 * }
 * }</pre>
 *
 * <p>Written on ShedLock's {@link LockingTaskExecutor} rather than its {@code @SchedulerLock}
 * annotation: one way for the services' {@code @Scheduled} methods and for the platform's own
 * executors, and no proxy around package-private methods.
 */
public final class Jobs {

  private final LockingTaskExecutor executor;

  public Jobs(LockingTaskExecutor executor) {
    this.executor = executor;
  }

  /**
   * Runs {@code round} unless another instance is running the job {@code name}.
   *
   * @param name the job's lock name, unique within the service's database
   * @param atMostFor how long the lock holds if the instance dies mid-round: longer than a round
   * @return whether this instance ran the round
   */
  public boolean runOnce(String name, Duration atMostFor, Runnable round) {
    TaskResult<Void> result;
    try {
      result =
          executor.executeWithLock(
              () -> {
                round.run();
                return null;
              },
              new LockConfiguration(Instant.now(), name, atMostFor, Duration.ZERO));
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("job " + name + " failed", e);
    }
    return result.wasExecuted();
  }
}
