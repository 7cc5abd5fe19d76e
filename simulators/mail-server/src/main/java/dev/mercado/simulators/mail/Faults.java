package dev.mercado.simulators.mail;

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
record Faults(boolean down, boolean stall) {

  static final Faults NONE = new Faults(false, false);

  private static final List<String> FIELDS = List.of("down", "stall");

  /**
   * These faults with the switches present in {@code changes} set to their new values.
   *
   * @throws ProblemException 400 naming the field for an unknown field or a wrong type
   */
  Faults with(JsonNode changes) {
    for (String name : changes.propertyNames()) {
      if (!FIELDS.contains(name)) {
        throw invalid(name, "unknown fault '" + name + "'; known: " + String.join(", ", FIELDS));
      }
    }
    return new Faults(flag(changes, "down", down), flag(changes, "stall", stall));
  }

  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("down", down);
    json.put("stall", stall);
    return json;
  }

  private static boolean flag(JsonNode changes, String name, boolean current) {
    JsonNode node = changes.get(name);
    if (node == null) {
      return current;
    }
    if (!node.isBoolean()) {
      throw invalid(name, name + " must be true or false");
    }
    return node.booleanValue();
  }

  private static ProblemException invalid(String field, String detail) {
    return Problem.of(400, "invalid-faults", "Invalid faults", detail)
        .with("field", field)
        .toException();
  }
}
