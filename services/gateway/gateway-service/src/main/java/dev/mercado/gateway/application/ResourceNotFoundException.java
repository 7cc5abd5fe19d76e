package dev.mercado.gateway.application;

import java.util.UUID;

/** The service that owns what a page is about says there is no such thing: the page is a 404. */
public class ResourceNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String resource;

  /**
   * @param resource what was asked for, e.g. {@code order}
   */
  public ResourceNotFoundException(String resource, UUID id) {
    super("There is no " + resource + " " + id + ".");
    this.resource = resource;
  }

  public String resource() {
    return resource;
  }
}
