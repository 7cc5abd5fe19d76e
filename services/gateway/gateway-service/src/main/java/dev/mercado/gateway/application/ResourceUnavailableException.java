package dev.mercado.gateway.application;

/**
 * The part a page cannot do without could not be had, and nothing stands in for it: the page is a
 * 503 the client may retry.
 */
public class ResourceUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param resource what the page could not get, e.g. {@code order}
   * @param reason why, for people, e.g. {@code "orders unreachable"}
   * @param cause the failure behind it
   */
  public ResourceUnavailableException(String resource, String reason, Throwable cause) {
    super("The " + resource + " cannot be shown now (" + reason + "); try again later.", cause);
  }
}
