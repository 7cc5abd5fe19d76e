package dev.mercado.platform.outbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveBaggageManager;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The trace context crosses the outbox (O3): stored at append, continued by the relay. */
class OutboxTracingTest {

  private final List<MutableSpan> finished = new CopyOnWriteArrayList<>();
  private final Tracing braveTracing =
      Tracing.newBuilder()
          .addSpanHandler(
              new SpanHandler() {
                @Override
                public boolean end(TraceContext context, MutableSpan span, Cause cause) {
                  finished.add(span);
                  return true;
                }
              })
          .build();
  private final Tracer tracer =
      new BraveTracer(
          braveTracing.tracer(),
          new BraveCurrentTraceContext(braveTracing.currentTraceContext()),
          new BraveBaggageManager());
  private final OutboxTracing tracing =
      new OutboxTracing(tracer, new BravePropagator(braveTracing));

  @AfterEach
  void close() {
    braveTracing.close();
  }

  @Test
  void relaysSpanContinuesTheTraceOfTheTransactionThatAppended() {
    Span business = tracer.nextSpan().name("place order").start();
    String stored;
    try (Tracer.SpanInScope scope = tracer.withSpan(business)) {
      stored = tracing.capture();
    } finally {
      business.end();
    }

    OutboxTracing.Publication publication = tracing.publishing(row(stored));
    publication.end(null);

    // plain Brave propagates B3; the services propagate W3C (ObservabilityIT sees traceparent)
    assertThat(OutboxTracing.decode(stored))
        .containsEntry("X-B3-TraceId", business.context().traceId())
        .containsEntry("X-B3-SpanId", business.context().spanId());
    MutableSpan producer = finished.get(finished.size() - 1);
    assertThat(producer.traceId()).isEqualTo(business.context().traceId());
    assertThat(producer.parentId()).isEqualTo(business.context().spanId());
    assertThat(producer.kind()).isEqualTo(brave.Span.Kind.PRODUCER);
    assertThat(producer.name()).isEqualTo("outbox publish orders.order-placed");
    // the consumer's span will be a child of the producer span, not of the business span
    assertThat(publication.headers())
        .containsEntry("X-B3-TraceId", producer.traceId())
        .containsEntry("X-B3-SpanId", producer.id());
  }

  @Test
  void failedPublicationMarksTheSpanWithTheError() {
    Span business = tracer.nextSpan().start();
    String stored;
    try (Tracer.SpanInScope scope = tracer.withSpan(business)) {
      stored = tracing.capture();
    }

    tracing.publishing(row(stored)).end(new IllegalStateException("broker down"));

    assertThat(finished.get(finished.size() - 1).error()).hasMessage("broker down");
  }

  @Test
  void storesNothingOutsideATraceAndPublishesSuchRowsWithoutHeaders() {
    assertThat(tracing.capture()).isNull();
    OutboxTracing.Publication publication = tracing.publishing(row(null));
    publication.end(null);

    assertThat(publication.headers()).isEmpty();
    assertThat(finished).isEmpty();
  }

  @Test
  void encodingRoundTripsPropagationFields() {
    String text =
        OutboxTracing.encode(java.util.Map.of("traceparent", "00-abc-def-01", "order.id", "o=1:2"));

    assertThat(OutboxTracing.decode(text))
        .containsEntry("traceparent", "00-abc-def-01")
        .containsEntry("order.id", "o=1:2");
  }

  private static OutboxStore.Row row(String traceContext) {
    return new OutboxStore.Row(
        1,
        UUID.randomUUID(),
        KafkaOutboxTransport.NAME,
        "orders.order-placed",
        "order-1",
        "{}",
        Instant.now(),
        traceContext);
  }
}
