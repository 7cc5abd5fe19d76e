package dev.mercado.simulators.proxy;

import static dev.mercado.simulators.proxy.FaultProxy.PROBLEMS;

import dev.mercado.simulators.kit.FaultChanges;
import dev.mercado.simulators.kit.ProblemException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import tools.jackson.databind.JsonNode;

/**
 * The faults of one route, without their time bound. Immutable; always within bounds.
 *
 * @param latencyMs added before each chunk is forwarded, in each direction, in milliseconds
 * @param jitterMs at most this many milliseconds more, uniformly random per chunk
 * @param bandwidthKbps the most each direction of a connection forwards, in kilobits (1 000 bits)
 *     per second; 0 for unlimited
 * @param reset whether connections are closed with a TCP reset, the open ones and every new one
 * @param blackhole whether bytes are read and dropped instead of forwarded, so that clients time
 *     out
 */
record Faults(int latencyMs, int jitterMs, int bandwidthKbps, boolean reset, boolean blackhole) {

  static final int MAX_LATENCY_MS = 30_000;
  static final int MAX_BANDWIDTH_KBPS = 1_000_000;
  static final int DEFAULT_DURATION_SECONDS = 60;
  static final int MAX_DURATION_SECONDS = 600;

  static final Faults NONE = new Faults(0, 0, 0, false, false);

  /** Every field {@code PUT /routes/{name}/faults} knows, {@code durationSeconds} included. */
  static final List<String> FIELDS =
      List.of("latencyMs", "jitterMs", "bandwidthKbps", "reset", "blackhole", "durationSeconds");

  Faults {
    check("latencyMs", latencyMs, 0, MAX_LATENCY_MS);
    check("jitterMs", jitterMs, 0, MAX_LATENCY_MS);
    check("bandwidthKbps", bandwidthKbps, 0, MAX_BANDWIDTH_KBPS);
  }

  /**
   * These faults with the fields present in {@code changes} set to their new values, the others
   * unchanged.
   *
   * @throws ProblemException 400 {@code invalid-faults} naming the field for a wrong type or a
   *     value out of bounds
   */
  Faults with(FaultChanges changes) {
    return new Faults(
        whole(changes, "latencyMs", latencyMs, 0, MAX_LATENCY_MS),
        whole(changes, "jitterMs", jitterMs, 0, MAX_LATENCY_MS),
        whole(changes, "bandwidthKbps", bandwidthKbps, 0, MAX_BANDWIDTH_KBPS),
        changes.flag("reset", reset),
        changes.flag("blackhole", blackhole));
  }

  /**
   * How long the faults of a change last: {@code durationSeconds}, 60 s if the change leaves it
   * out.
   *
   * @throws ProblemException 400 {@code invalid-faults} naming {@code durationSeconds} unless it is
   *     a whole number within 1-600
   */
  static Duration duration(FaultChanges changes) {
    return Duration.ofSeconds(
        whole(changes, "durationSeconds", DEFAULT_DURATION_SECONDS, 1, MAX_DURATION_SECONDS));
  }

  /** Whether any fault is on. */
  boolean any() {
    return !equals(NONE);
  }

  /** How long to hold the next chunk back: the latency plus a random share of the jitter. */
  Duration nextDelay(RandomGenerator random) {
    int jitter = jitterMs == 0 ? 0 : random.nextInt(jitterMs + 1);
    return Duration.ofMillis(latencyMs + jitter);
  }

  /** The bandwidth limit in bytes per second, 0 for unlimited. */
  long bytesPerSecond() {
    return bandwidthKbps * 1_000L / 8;
  }

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("latencyMs", latencyMs);
    json.put("jitterMs", jitterMs);
    json.put("bandwidthKbps", bandwidthKbps);
    json.put("reset", reset);
    json.put("blackhole", blackhole);
    return json;
  }

  private static int whole(FaultChanges changes, String name, int current, int min, int max) {
    JsonNode node = changes.get(name);
    if (node == null) {
      return current;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw invalid(name, name + " must be a whole number within " + min + "-" + max);
    }
    int value = node.intValue();
    check(name, value, min, max);
    return value;
  }

  private static void check(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw invalid(name, name + " must be within " + min + "-" + max + ", not " + value);
    }
  }

  private static ProblemException invalid(String field, String detail) {
    return FaultChanges.invalid(PROBLEMS, field, detail);
  }
}
