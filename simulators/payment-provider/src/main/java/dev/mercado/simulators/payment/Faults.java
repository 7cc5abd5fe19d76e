package dev.mercado.simulators.payment;

import static dev.mercado.simulators.payment.PaymentProvider.PROBLEMS;

import dev.mercado.simulators.kit.FaultChanges;
import dev.mercado.simulators.kit.FaultSettings;
import dev.mercado.simulators.kit.ProblemException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import tools.jackson.databind.JsonNode;

/**
 * The fault switches of the API port. Immutable; always within bounds.
 *
 * @param latencyMs added to every {@code /v1} response, in milliseconds
 * @param latencyJitterMs at most this many milliseconds more, uniformly random per response
 * @param failureRate the share of {@code /v1} calls, 0 to 1, answered 500 without doing anything
 * @param down whether the API listener is closed, so that connections are refused
 */
record Faults(int latencyMs, int latencyJitterMs, double failureRate, boolean down)
    implements FaultSettings<Faults> {

  /** The upper bound of {@code latencyMs + latencyJitterMs}. */
  static final int MAX_LATENCY_MS = 60_000;

  static final Faults NONE = new Faults(0, 0, 0.0, false);

  private static final List<String> FIELDS =
      List.of("latencyMs", "latencyJitterMs", "failureRate", "down");

  Faults {
    if (latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
      throw invalid(
          "latencyMs", "latencyMs must be within 0-" + MAX_LATENCY_MS + ", not " + latencyMs);
    }
    if (latencyJitterMs < 0 || latencyJitterMs > MAX_LATENCY_MS) {
      throw invalid(
          "latencyJitterMs",
          "latencyJitterMs must be within 0-" + MAX_LATENCY_MS + ", not " + latencyJitterMs);
    }
    if (latencyMs + latencyJitterMs > MAX_LATENCY_MS) {
      throw invalid(
          "latencyJitterMs",
          "latencyMs + latencyJitterMs must be at most "
              + MAX_LATENCY_MS
              + ", not "
              + (latencyMs + latencyJitterMs));
    }
    if (!(failureRate >= 0.0 && failureRate <= 1.0)) {
      throw invalid("failureRate", "failureRate must be within 0-1, not " + failureRate);
    }
  }

  /**
   * These faults with the switches present in {@code changes} set to their new values.
   *
   * @throws ProblemException 400 naming the field for an unknown field, a wrong type or a value out
   *     of bounds
   */
  @Override
  public Faults with(JsonNode json) {
    FaultChanges changes = FaultChanges.of(json, FIELDS, PROBLEMS);
    return new Faults(
        milliseconds(changes, "latencyMs", latencyMs),
        milliseconds(changes, "latencyJitterMs", latencyJitterMs),
        rate(changes, failureRate),
        changes.flag("down", down));
  }

  /** How long to hold the next response back: the latency plus a random share of the jitter. */
  Duration nextDelay(RandomGenerator random) {
    int jitter = latencyJitterMs == 0 ? 0 : random.nextInt(latencyJitterMs + 1);
    return Duration.ofMillis(latencyMs + jitter);
  }

  /** Whether the next call fails, drawn at random with probability {@code failureRate}. */
  boolean nextCallFails(RandomGenerator random) {
    return failureRate > 0.0 && random.nextDouble() < failureRate;
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("latencyMs", latencyMs);
    json.put("latencyJitterMs", latencyJitterMs);
    json.put("failureRate", failureRate);
    json.put("down", down);
    return json;
  }

  private static int milliseconds(FaultChanges changes, String name, int current) {
    JsonNode node = changes.get(name);
    if (node == null) {
      return current;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw invalid(
          name, name + " must be a whole number of milliseconds within 0-" + MAX_LATENCY_MS);
    }
    return node.intValue();
  }

  private static double rate(FaultChanges changes, double current) {
    JsonNode node = changes.get("failureRate");
    if (node == null) {
      return current;
    }
    if (!node.isNumber()) {
      throw invalid("failureRate", "failureRate must be a number within 0-1");
    }
    return node.doubleValue();
  }

  private static ProblemException invalid(String field, String detail) {
    return FaultChanges.invalid(PROBLEMS, field, detail);
  }
}
