package dev.mercado.simulators.kit;

import java.util.Map;

/**
 * The problem types of one simulator: URNs that share a prefix, one per kind of problem, so that
 * clients can tell two problems with the same status apart (a malformed filter and malformed faults
 * are both 400). Immutable and thread-safe.
 *
 * @param prefix what every type of this simulator starts with, such as {@code
 *     urn:mercado:payment-provider:problem:}; the kind follows it as is
 */
public record ProblemTypes(String prefix) {

  /**
   * @throws IllegalArgumentException if the prefix is null or blank
   */
  public ProblemTypes {
    if (prefix == null || prefix.isBlank()) {
      throw new IllegalArgumentException("a problem type prefix must not be blank");
    }
  }

  /**
   * A problem without extensions whose type is this prefix followed by {@code kind}.
   *
   * @param status the HTTP status, such as 400
   * @param kind the last part of the type, in kebab-case, such as {@code invalid-request}
   * @param title the same for every problem of this kind
   * @param detail what went wrong with this request, for a human; never a stack trace
   */
  public Problem of(int status, String kind, String title, String detail) {
    return new Problem(status, prefix + kind, title, detail, Map.of());
  }
}
