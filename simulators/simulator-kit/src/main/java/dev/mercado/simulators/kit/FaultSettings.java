package dev.mercado.simulators.kit;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The fault switches of a simulator, as one immutable value that {@link FaultSwitches} holds.
 * Implementations are records; two settings with the same switches are equal.
 *
 * @param <F> the implementing type
 */
public interface FaultSettings<F extends FaultSettings<F>> {

  /**
   * These settings with the switches present in {@code changes} set to their new values, the others
   * unchanged; {@link FaultChanges} reads them.
   *
   * @param changes the body of {@code PUT /faults}, a JSON object
   * @throws ProblemException 400 naming the field for an unknown field, a wrong type or a value out
   *     of bounds
   */
  F with(JsonNode changes);

  /** Every switch by name, in a stable order, as {@code GET /faults} shows it. */
  Map<String, Object> toJson();
}
