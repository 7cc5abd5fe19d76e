package dev.mercado.platform.ratelimit.internal;

import dev.mercado.platform.ratelimit.TimeSource;
import java.time.Instant;

/** Epoch microseconds read once, then advanced by {@link System#nanoTime()}: never backwards. */
public final class SystemTimeSource implements TimeSource {

  public static final SystemTimeSource INSTANCE = new SystemTimeSource();

  private final long epochMicros;
  private final long startNanos;

  private SystemTimeSource() {
    Instant now = Instant.now();
    startNanos = System.nanoTime();
    epochMicros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
  }

  @Override
  public long micros() {
    return epochMicros + (System.nanoTime() - startNanos) / 1000;
  }
}
