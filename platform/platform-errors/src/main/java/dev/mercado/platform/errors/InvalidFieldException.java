package dev.mercado.platform.errors;

import java.util.Objects;

/**
 * A field of a request that passed bean validation but still cannot be accepted, e.g. a currency
 * code that is well formed but unknown. Thrown from a controller or anything it calls, it is
 * answered by {@link ServiceErrorHandler} exactly like a failed bean validation: 400 problem
 * details titled {@code Invalid request} whose {@code errors} property holds one {@code {field,
 * message}}. Nothing is logged: the client's request is wrong, not the service.
 *
 * <p>Immutable, hence thread-safe.
 */
public class InvalidFieldException extends RuntimeException {

  private final String field;

  /**
   * @param field where the value sits in the request, as clients name it: a JSON path into the body
   *     such as {@code price.amount} or {@code lines[0].quantity}, or a parameter name; not null
   * @param message what is wrong, phrased to follow the field's name, e.g. {@code "is not a known
   *     ISO 4217 currency"}; sent to the client, so it must not reveal internals
   */
  public InvalidFieldException(String field, String message) {
    super(message);
    this.field = Objects.requireNonNull(field, "field");
  }

  /** The field in error, as given to the constructor. */
  public String field() {
    return field;
  }
}
