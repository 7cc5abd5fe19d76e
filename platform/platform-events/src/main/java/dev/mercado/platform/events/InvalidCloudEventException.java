package dev.mercado.platform.events;

/** A message that is not a valid CloudEvents 1.0 event; retrying it cannot help. */
public class InvalidCloudEventException extends RuntimeException {

  public InvalidCloudEventException(String message) {
    super(message);
  }

  public InvalidCloudEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
