package dev.mercado.platform.outbox.internal;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Carries the trace across the outbox (O3): {@link #capture} stores the appending transaction's
 * trace context (W3C {@code traceparent} and the baggage fields) with the row, and {@link
 * #publishing} starts the relay's producer span as a child of it and gives the headers that make
 * the consumer's span a child of that one. Without a tracer both do nothing, and a row stored
 * before tracing existed is published without a span.
 *
 * <p>Thread-safe.
 */
public final class OutboxTracing {

  /** Tracing off: no context stored, no span, no headers. */
  public static final OutboxTracing NONE = new OutboxTracing(Tracer.NOOP, Propagator.NOOP);

  /** What the relay sends one row with: its trace headers, and the span to end on the ack. */
  public static final class Publication {

    private static final Publication UNTRACED = new Publication(Map.of(), null);

    private final Map<String, String> headers;
    private final Span span;

    private Publication(Map<String, String> headers, Span span) {
      this.headers = Map.copyOf(headers);
      this.span = span;
    }

    /** The propagation fields to add to the message's headers. */
    public Map<String, String> headers() {
      return headers;
    }

    /** Ends the producer span, marking it failed when the broker did not take the message. */
    void end(Throwable failure) {
      if (span == null) {
        return;
      }
      if (failure != null) {
        span.error(failure);
      }
      span.end();
    }
  }

  private final Tracer tracer;
  private final Propagator propagator;

  public OutboxTracing(Tracer tracer, Propagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  /** The current trace context as stored in the row, or null when there is none. */
  String capture() {
    Span current = tracer.currentSpan();
    if (current == null) {
      return null;
    }
    Map<String, String> fields = new LinkedHashMap<>();
    propagator.inject(current.context(), fields, Map::put);
    return fields.isEmpty() ? null : encode(fields);
  }

  /** Starts the producer span of one row, child of the context stored with it. */
  Publication publishing(OutboxStore.Row row) {
    if (row.traceContext() == null) {
      return Publication.UNTRACED;
    }
    Map<String, String> stored = decode(row.traceContext());
    String system = KafkaOutboxTransport.NAME.equals(row.transport()) ? "kafka" : "rabbitmq";
    Span span =
        propagator
            .extract(stored, Map::get)
            .kind(Span.Kind.PRODUCER)
            .name("outbox publish " + row.topic())
            .remoteServiceName(system)
            .tag("messaging.system", system)
            .tag("messaging.destination.name", row.topic())
            .tag("messaging.message.id", row.id().toString())
            .start();
    Map<String, String> headers = new LinkedHashMap<>();
    propagator.inject(span.context(), headers, Map::put);
    return new Publication(headers, span);
  }

  /** One {@code name: value} line per field; propagation field names never hold a colon. */
  static String encode(Map<String, String> fields) {
    StringBuilder text = new StringBuilder();
    fields.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
    return text.toString();
  }

  static Map<String, String> decode(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        fields.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
      }
    }
    return fields;
  }
}
