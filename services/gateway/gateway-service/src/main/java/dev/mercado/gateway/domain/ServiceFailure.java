package dev.mercado.gateway.domain;

/**
 * A service could not give a document: it refused or reset the connection, answered an error other
 * than 404, had no ready instance, or sent something unreadable.
 */
public final class ServiceFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String service;

  /**
   * @param service the service's name, e.g. {@code payments}
   * @param reason what went wrong, for people: {@code "payments answered 503"}
   */
  public ServiceFailure(String service, String reason, Throwable cause) {
    super(reason, cause);
    this.service = service;
  }

  public String service() {
    return service;
  }

  /** What went wrong, for people, naming the service. */
  public String reason() {
    return getMessage();
  }
}
