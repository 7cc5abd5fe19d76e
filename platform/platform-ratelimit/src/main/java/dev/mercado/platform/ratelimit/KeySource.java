package dev.mercado.platform.ratelimit;

/**
 * What a policy counts requests by. When a request lacks the identity (an anonymous request to a
 * policy keyed by user), it is counted by its IP address instead, so anonymous traffic is limited
 * too; see {@link Requester#key(KeySource)}.
 */
public enum KeySource {
  /** The authenticated user (the token's subject). */
  USER,
  /** The client's IP address (as the edge saw it). */
  IP,
  /** The partner's API key, counted by a hash of it so the key itself is never stored. */
  API_KEY,
  /** The calling application (OAuth client id or the partner behind an API key). */
  CLIENT
}
