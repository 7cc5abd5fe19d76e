package dev.mercado.platform.observability.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a service's own housekeeping leaves in its traces and metrics (O2). */
class HousekeepingFilterTest {

  private final HousekeepingFilter filter =
      new HousekeepingFilter(context -> "/actuator/health".equals(context.get("path")));

  @Test
  void keepsSqlRunInsideObservedWorkAndDropsSqlRunOutsideAny() {
    List<String> stopped = new ArrayList<>();
    ObservationRegistry registry = ObservationRegistry.create();
    registry.observationConfig().observationPredicate(filter);
    registry
        .observationConfig()
        .observationHandler(
            new ObservationHandler<>() {
              @Override
              public void onStop(Observation.Context context) {
                stopped.add(context.getName());
              }

              @Override
              public boolean supportsContext(Observation.Context context) {
                return true;
              }
            });

    Observation.createNotStarted("jdbc.query", registry).start().stop();
    Observation listener = Observation.start("spring.kafka.listener", registry);
    listener.scoped(() -> Observation.createNotStarted("jdbc.query", registry).start().stop());
    listener.stop();
    Observation tick = Observation.start("tasks.scheduled.execution", registry);
    tick.scoped(() -> Observation.createNotStarted("jdbc.query", registry).start().stop());
    tick.stop();

    assertThat(stopped).containsExactly("jdbc.query", "spring.kafka.listener");
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
