package dev.mercado.platform.observability.internal;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.function.Supplier;
import org.springframework.util.function.SingletonSupplier;

/**
 * Where the calling thread stands in tracing, asked on every SQL statement: inside observed work (a
 * request, a listener, an outbox publication: it has a current span) and whether that work's trace
 * is sampled. Where tracing is off (no tracer, as in tests) both answers are yes: SQL then counts
 * as observed and keeps its observations, whose metrics are all there is to see SQL latency by.
 */
public final class TracedWork {

  private final SingletonSupplier<Tracer> tracer;

  /**
   * @param tracer looked up once, not on every statement (and again while it is null)
   */
  public TracedWork(Supplier<Tracer> tracer) {
    this.tracer = SingletonSupplier.ofNullable(tracer);
  }

  /** Inside observed work: a current span, sampled or not. */
  public boolean observed() {
    Tracer current = tracer.get();
    return current == null || current.currentSpan() != null;
  }

  /** Inside observed work whose trace is sampled (its spans are recorded). */
  public boolean sampled() {
    Tracer current = tracer.get();
    if (current == null) {
      return true;
    }
    Span span = current.currentSpan();
    return span != null && Boolean.TRUE.equals(span.context().sampled());
  }
}
