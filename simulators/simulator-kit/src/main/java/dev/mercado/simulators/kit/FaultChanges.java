package dev.mercado.simulators.kit;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code PUT /faults}, checked against the switches a simulator knows, for {@link
 * FaultSettings#with}. Every problem it reports is a 400 {@code invalid-faults} whose {@code field}
 * extension names the switch. Immutable.
 */
public final class FaultChanges {

  private final JsonNode changes;
  private final ProblemTypes problems;

  private FaultChanges(JsonNode changes, ProblemTypes problems) {
    this.changes = changes;
    this.problems = problems;
  }

  /**
   * @param changes the body, a JSON object
   * @param known every switch the simulator has, for the error message in this order
   * @throws ProblemException 400 {@code invalid-faults} naming the first field that is not a known
   *     switch
   */
  public static FaultChanges of(JsonNode changes, List<String> known, ProblemTypes problems) {
    for (String name : changes.propertyNames()) {
      if (!known.contains(name)) {
        throw invalid(
            problems, name, "unknown fault '" + name + "'; known: " + String.join(", ", known));
      }
    }
    return new FaultChanges(changes, problems);
  }

  /** The new value of a switch, or null if the body leaves it unchanged. */
  public JsonNode get(String name) {
    return changes.get(name);
  }

  /**
   * The new value of an on/off switch, or {@code current} if the body leaves it unchanged.
   *
   * @throws ProblemException 400 {@code invalid-faults} if the value is not a JSON boolean
   */
  public boolean flag(String name, boolean current) {
    JsonNode node = changes.get(name);
    if (node == null) {
      return current;
    }
    if (!node.isBoolean()) {
      throw invalid(name, name + " must be true or false");
    }
    return node.booleanValue();
  }

  /** A 400 {@code invalid-faults} problem naming the switch, to throw. */
  public ProblemException invalid(String field, String detail) {
    return invalid(problems, field, detail);
  }

  /** A 400 {@code invalid-faults} problem naming the switch, to throw. */
  public static ProblemException invalid(ProblemTypes problems, String field, String detail) {
    return problems
        .of(400, "invalid-faults", "Invalid faults", detail)
        .with("field", field)
        .toException();
  }
}
