package dev.mercado.payments.application;

/** The provider could not be reached for an operation that must not be dropped. */
public class ProviderUnavailableException extends RuntimeException {

  public ProviderUnavailableException(String operation) {
    super("payment provider unavailable for the " + operation);
  }
}
