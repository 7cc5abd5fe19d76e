package dev.mercado.simulators.kit;

import java.io.IOException;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The fault switches of one port of a simulator, served as {@code GET|PUT|DELETE /faults}: read,
 * change some, reset all. Thread-safe: changes are serialized, and each is applied to the port
 * before it becomes current, so that two concurrent {@code PUT /faults} never leave the port open
 * while the switches say it is down. A change of the switches prints one line to stdout, {@code
 * <simulator> faults: <switches>}.
 *
 * @param <F> the simulator's settings
 */
public final class FaultSwitches<F extends FaultSettings<F>> {

  private final String simulator;
  private final ProblemTypes problems;
  private final String port;
  private final F none;
  private volatile F current;

  /**
   * Starts with no faults.
   *
   * @param simulator the simulator's name in words, such as {@code mail server}, for stdout
   * @param problems the simulator's problem types
   * @param port what the switched port is to users, such as {@code SMTP}: a 503 is {@code
   *     <port>-port-unavailable} in lower case
   * @param none the settings without any fault, also what {@code DELETE /faults} returns to
   */
  public FaultSwitches(String simulator, ProblemTypes problems, String port, F none) {
    this.simulator = simulator;
    this.problems = problems;
    this.port = port;
    this.none = none;
    this.current = none;
  }

  /** The switches now; never null. */
  public F current() {
    return current;
  }

  /**
   * Answers {@code GET}, {@code PUT} and {@code DELETE} on {@code /faults} with 200 and the
   * switches now, any other method with 405.
   *
   * @param apply brings the port in line with new switches, opening or closing it
   * @throws ProblemException 400 for a body that is not a JSON object or not valid switches, 503
   *     {@code <port>-port-unavailable} if the port cannot listen again; the switches are unchanged
   *     then
   */
  public Reply respond(Call call, Apply<F> apply) {
    switch (call.method()) {
      case "GET":
        return Reply.json(200, current.toJson());
      case "PUT":
        return change(call.jsonObject(), apply);
      case "DELETE":
        return reset(apply);
      default:
        return call.methodNotAllowed("GET, PUT, DELETE");
    }
  }

  // read and replace under one lock, so that concurrent changes all apply in order
  private synchronized Reply change(JsonNode changes, Apply<F> apply) {
    return switchTo(current.with(changes), apply);
  }

  private synchronized Reply reset(Apply<F> apply) {
    return switchTo(none, apply);
  }

  private Reply switchTo(F next, Apply<F> apply) {
    try {
      apply.to(next);
    } catch (IOException e) {
      throw problems
          .of(
              503,
              port.toLowerCase(Locale.ROOT) + "-port-unavailable",
              port + " port unavailable",
              "the "
                  + port
                  + " port cannot listen again, the faults are unchanged: "
                  + e.getMessage())
          .toException();
    }
    F previous = current;
    current = next;
    if (!previous.equals(next)) {
      System.out.println(simulator + " faults: " + next.toJson());
    }
    return Reply.json(200, next.toJson());
  }

  /** Brings a port in line with new switches. */
  @FunctionalInterface
  public interface Apply<F> {

    /**
     * @throws IOException if the port cannot listen again
     */
    void to(F faults) throws IOException;
  }
}
