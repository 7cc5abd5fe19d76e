package dev.mercado.platform.observability;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many traces a process starts, under {@code mercado.tracing} (O2, M1).
 *
 * @param maxTracesPerSecond the most new traces this process starts in a second, on top of {@code
 *     management.tracing.sampling.probability} (default 10; 0 for no limit). Only a trace's first
 *     process decides: every later hop follows the decision carried in the trace context, so a
 *     traced order is whole in every service. At the rates a person watches (the demo load, a test)
 *     every request is traced; under a benchmark's hundreds a second the tracing cost stays that of
 *     ten.
 */
@ConfigurationProperties("mercado.tracing")
public record TracingProperties(@DefaultValue("10") int maxTracesPerSecond) {

  public TracingProperties {
    if (maxTracesPerSecond < 0) {
      throw new IllegalArgumentException(
          "mercado.tracing.max-traces-per-second must be 0 (no limit) or more");
    }
  }
}
