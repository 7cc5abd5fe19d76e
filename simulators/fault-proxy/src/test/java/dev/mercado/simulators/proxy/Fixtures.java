package dev.mercado.simulators.proxy;

import dev.mercado.simulators.kit.FaultChanges;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

final class Fixtures {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Fixtures() {}

  static JsonNode json(String text) {
    return MAPPER.readTree(text);
  }

  /** A change of faults as {@code PUT /routes/{name}/faults} reads it. */
  static FaultChanges changes(String text) {
    return FaultChanges.of(json(text), Faults.FIELDS, FaultProxy.PROBLEMS);
  }

  static Faults latency(int latencyMs, int jitterMs) {
    return new Faults(latencyMs, jitterMs, 0, false, false);
  }

  /** A clock that stands still until a test moves it. */
  static final class ManualClock extends Clock {

    private Instant now = Instant.parse("2026-03-01T10:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("a test clock has one zone");
    }
  }
}
