package dev.mercado.platform.observability.internal;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import java.util.function.BooleanSupplier;

/**
 * Keeps a service's own housekeeping out of traces and metrics: SQL that runs outside any observed
 * work (the outbox relay's polls, clean-ups), scheduled ticks (the saga's deadline clock, the
 * e-mail retry poll) and the actuator's own endpoints (health probes, metric scrapes). Idle, these
 * were about 12 traces a second per service, 5 in 6 of them a lone {@code query} span, which
 * crowded the trace server's memory out of the orders it is there to show and cost CPU in every
 * process. SQL run inside a sampled trace (a request, a listener or an outbox publication whose
 * trace is kept) has its span and its {@code jdbc_query_seconds} sample; SQL of work whose trace is
 * not sampled has neither: one observation per statement was the largest single cost of an order
 * under load (docs/performance.md), and {@link SqlStatements} counts every statement for a small
 * fraction of it (6 profile samples to about 130).
 */
public final class HousekeepingFilter implements ObservationPredicate {

  /** Spring's observation of {@code @Scheduled} methods. */
  static final String SCHEDULED = "tasks.scheduled.execution";

  /** The prefix of datasource-micrometer's observations (jdbc.query, jdbc.connection, ...). */
  static final String JDBC = "jdbc.";

  private final BooleanSupplier inSampledTrace;
  private final ActuatorRequests actuator;

  /**
   * @param inSampledTrace whether the calling thread is inside observed work (a request, a
   *     listener, an outbox publication) whose trace is sampled: it has a current span, and the
   *     span is recorded. A SQL observation's parent cannot tell: on a running service every query
   *     had one, a no-op, inside observed work or not (filtered on it, the relay's polls stayed and
   *     the orders' SQL spans went).
   * @param actuator tells a request to the actuator's endpoints (servlet services); {@code context
   *     -> false} where there is none to tell
   */
  public HousekeepingFilter(BooleanSupplier inSampledTrace, ActuatorRequests actuator) {
    this.inSampledTrace = inSampledTrace;
    this.actuator = actuator;
  }

  @Override
  public boolean test(String name, Observation.Context context) {
    if (name.equals(SCHEDULED)) {
      return false;
    }
    if (name.startsWith(JDBC)) {
      return inSampledTrace.getAsBoolean();
    }
    return !actuator.test(context);
  }

  /** Whether an observation is of a request to the actuator's endpoints. */
  @FunctionalInterface
  public interface ActuatorRequests {
    boolean test(Observation.Context context);
  }
}
