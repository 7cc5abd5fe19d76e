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
 * process. SQL run inside a request, a listener or an outbox publication keeps its span.
 */
public final class HousekeepingFilter implements ObservationPredicate {

  /** Spring's observation of {@code @Scheduled} methods. */
  static final String SCHEDULED = "tasks.scheduled.execution";

  /** The prefix of datasource-micrometer's observations (jdbc.query, jdbc.connection, ...). */
  static final String JDBC = "jdbc.";

  private final BooleanSupplier inTracedWork;
  private final ActuatorRequests actuator;

  /**
   * @param inTracedWork whether the calling thread is inside observed work: a request, a listener,
   *     an outbox publication (it has a current span, sampled or not). A SQL observation's parent
   *     cannot tell: on a running service every query had one, a no-op, inside observed work or not
   *     (filtered on it, the relay's polls stayed and the orders' SQL spans went).
   * @param actuator tells a request to the actuator's endpoints (servlet services); {@code context
   *     -> false} where there is none to tell
   */
  public HousekeepingFilter(BooleanSupplier inTracedWork, ActuatorRequests actuator) {
    this.inTracedWork = inTracedWork;
    this.actuator = actuator;
  }

  @Override
  public boolean test(String name, Observation.Context context) {
    if (name.equals(SCHEDULED)) {
      return false;
    }
    if (name.startsWith(JDBC)) {
      return inTracedWork.getAsBoolean();
    }
    return !actuator.test(context);
  }

  /** Whether an observation is of a request to the actuator's endpoints. */
  @FunctionalInterface
  public interface ActuatorRequests {
    boolean test(Observation.Context context);
  }
}
