package dev.mercado.platform.observability.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** What a service's own housekeeping leaves in its traces and metrics (O2). */
class HousekeepingFilterTest {

  private final AtomicBoolean inSampledTrace = new AtomicBoolean();
  private final HousekeepingFilter filter =
      new HousekeepingFilter(
          inSampledTrace::get, context -> "/actuator/health".equals(context.get("path")));

  @Test
  void keepsSqlRunInsideASampledTraceAndDropsAllOtherSql() {
    inSampledTrace.set(false);
    assertThat(filter.test("jdbc.query", new Observation.Context())).isFalse();

    inSampledTrace.set(true);
    assertThat(filter.test("jdbc.query", new Observation.Context())).isTrue();
  }

  @Test
  void dropsScheduledTicksAndActuatorRequestsAndKeepsOtherRequests() {
    Observation.Context probe = new Observation.Context();
    probe.put("path", "/actuator/health");
    Observation.Context order = new Observation.Context();
    order.put("path", "/api/v1/orders");

    assertThat(filter.test("tasks.scheduled.execution", new Observation.Context())).isFalse();
    assertThat(filter.test("http.server.requests", probe)).isFalse();
    assertThat(filter.test("http.server.requests", order)).isTrue();
  }
}
