package dev.mercado.simulators.mail;

import static dev.mercado.simulators.mail.MailServer.PROBLEMS;

import dev.mercado.simulators.kit.FaultChanges;
import dev.mercado.simulators.kit.FaultSettings;
import dev.mercado.simulators.kit.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The fault switches of the SMTP port. Immutable. {@code down} wins over {@code stall}.
 *
 * @param down whether the SMTP listener is closed, so that connections are refused
 * @param stall whether the port accepts connections and then never answers (no greeting), so that
 *     clients hang until their own timeout, the way an overloaded or half-dead server behaves
 */
record Faults(boolean down, boolean stall) implements FaultSettings<Faults> {

  static final Faults NONE = new Faults(false, false);

  private static final List<String> FIELDS = List.of("down", "stall");

  /**
   * These faults with the switches present in {@code changes} set to their new values.
   *
   * @throws ProblemException 400 naming the field for an unknown field or a wrong type
   */
  @Override
  public Faults with(JsonNode json) {
    FaultChanges changes = FaultChanges.of(json, FIELDS, PROBLEMS);
    return new Faults(changes.flag("down", down), changes.flag("stall", stall));
  }

  @Override
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("down", down);
    json.put("stall", stall);
    return json;
  }
}
