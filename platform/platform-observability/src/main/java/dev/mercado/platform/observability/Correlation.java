package dev.mercado.platform.observability;

import io.micrometer.tracing.BaggageInScope;
import io.micrometer.tracing.Tracer;

/**
 * Business identifiers that travel with a trace (O2, O3): set once where they become known, they
 * are propagated as W3C baggage over HTTP, Kafka, AMQP and the outbox, copied into every log line's
 * MDC and tagged on every span, so {@code order.id=<id>} finds an order's trace in Zipkin and its
 * log lines in every service.
 *
 * <p>Thread-safe; the scope it returns belongs to the calling thread and must be closed on it.
 */
public final class Correlation {

  /** The order an operation is about: baggage, MDC key and span tag. */
  public static final String ORDER_ID = "order.id";

  private final Tracer tracer;

  public Correlation(Tracer tracer) {
    this.tracer = tracer;
  }

  /**
   * Puts {@code orderId} into the current trace context until the returned scope is closed. Without
   * a current span (tracing off, or outside any request or message) or without an id (a malformed
   * message) it does nothing.
   */
  public BaggageInScope order(String orderId) {
    if (orderId == null || orderId.isBlank()) {
      return BaggageInScope.NOOP;
    }
    return tracer.createBaggageInScope(ORDER_ID, orderId);
  }
}
