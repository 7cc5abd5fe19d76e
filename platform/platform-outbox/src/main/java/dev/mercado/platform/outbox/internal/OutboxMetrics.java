package dev.mercado.platform.outbox.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox's health in numbers (O1): {@code mercado.outbox.backlog} (unsent events), {@code
 * mercado.outbox.oldest.age} (seconds the oldest unsent event has waited), {@code
 * mercado.outbox.published} and {@code mercado.outbox.publish.failures} (events), {@code
 * mercado.outbox.lag} (time from append to Kafka's acknowledgement).
 */
public final class OutboxMetrics {

  private final AtomicLong backlog = new AtomicLong();
  private final AtomicLong oldestAgeMillis = new AtomicLong();
  private final Counter published;
  private final Counter failures;
  private final Timer lag;

  public OutboxMetrics(MeterRegistry registry) {
    Gauge.builder("mercado.outbox.backlog", backlog, AtomicLong::get)
        .description("events in the outbox not yet acknowledged by Kafka")
        .baseUnit("events")
        .register(registry);
    Gauge.builder("mercado.outbox.oldest.age", oldestAgeMillis, millis -> millis.get() / 1000.0)
        .description("how long the oldest unsent event has waited")
        .baseUnit("seconds")
        .register(registry);
    published =
        Counter.builder("mercado.outbox.published")
            .description("events published to Kafka")
            .baseUnit("events")
            .register(registry);
    failures =
        Counter.builder("mercado.outbox.publish.failures")
            .description("events whose publication failed and will be retried")
            .baseUnit("events")
            .register(registry);
    lag =
        Timer.builder("mercado.outbox.lag")
            .description("from append to acknowledgement by Kafka")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
  }

  void backlog(OutboxStore.Backlog current) {
    backlog.set(current.size());
    oldestAgeMillis.set(current.oldestAge().toMillis());
  }

  void published(Duration lagOfOne) {
    published.increment();
    lag.record(lagOfOne);
  }

  void failed(int events) {
    failures.increment(events);
  }
}
