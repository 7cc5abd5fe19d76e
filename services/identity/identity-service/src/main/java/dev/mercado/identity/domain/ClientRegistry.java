package dev.mercado.identity.domain;

/**
 * Port: what identity does to registered clients beyond the authorization server's own repository,
 * which can only save and find them.
 */
public interface ClientRegistry {

  /** Unregisters the client {@code clientId} and forgets its authorizations; nothing if unknown. */
  void remove(String clientId);
}
