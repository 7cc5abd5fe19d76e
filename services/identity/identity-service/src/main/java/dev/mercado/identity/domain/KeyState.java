package dev.mercado.identity.domain;

/** Where a signing key is in its life. */
public enum KeyState {
  /** Signs every new token; exactly one key is active. */
  ACTIVE,
  /** Signs nothing any more, but is still published: tokens it signed may still be valid. */
  RETIRED,
  /** No token it signed can still be valid: no longer published. */
  EXPIRED
}
