package dev.mercado.gateway.domain;

/**
 * A service refused the caller: 401 (no token, or one it does not accept) or 403 (a token that may
 * not see this, e.g. another customer's order). The gateway's page answers the same, because the
 * service, not the gateway, knows whose a resource is.
 */
public final class AccessRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String service;
  private final int status;

  /**
   * @param service the service's name, e.g. {@code orders}
   * @param status 401 or 403, as the service answered
   */
  public AccessRefused(String service, int status) {
    super(service + " answered " + status);
    this.service = service;
    this.status = status;
  }

  public String service() {
    return service;
  }

  /** 401 or 403. */
  public int status() {
    return status;
  }
}
