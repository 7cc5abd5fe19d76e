package dev.mercado.identity.api;

/**
 * The claims of identity's JWT access tokens (RS256, header {@code kid} naming the signing key in
 * the JWKS). Besides the registered claims {@code iss}, {@code sub}, {@code aud} (the client id),
 * {@code iat}, {@code nbf}, {@code exp} and {@code jti}, every access token carries:
 *
 * <ul>
 *   <li>{@link #SCOPE}: the granted scopes ({@link IdentityScopes}), a JSON array of strings;
 *   <li>{@link #CLIENT_ID}: the client the token was issued to (RFC 9068);
 *   <li>{@link #ROLES}: a JSON array of {@link Role} claim values, possibly empty.
 * </ul>
 *
 * <p>A <b>customer token</b> (authorization code + PKCE through {@code shop-web}, or a dev token)
 * has {@code sub} = {@link #CUSTOMER_ID} = the customer's id (a UUID), {@link #PREFERRED_USERNAME},
 * and roles {@code customer} or {@code admin}; it has no {@link #TIER}: customers are limited per
 * user, not per tier. A <b>client token</b> (client credentials) has {@code sub} = the client id,
 * the client's roles ({@code partner}, {@code service}, {@code admin}) and, for partner clients,
 * {@link #TIER}. Consumers must ignore claims they do not know.
 */
public final class IdentityClaims {

  /** Granted scopes, a JSON array of strings (e.g. {@code ["catalog:read","orders:write"]}). */
  public static final String SCOPE = "scope";

  /**
   * The client the token was issued to (RFC 9068), e.g. {@code partner-free} or {@code shop-web}.
   */
  public static final String CLIENT_ID = "client_id";

  /** The caller's roles, a JSON array of {@link Role#claimValue()} strings; never absent. */
  public static final String ROLES = "roles";

  /**
   * The partner's {@link Tier#claimValue()} ({@code free} or {@code premium}); client tokens only.
   */
  public static final String TIER = "tier";

  /** The customer's id, a UUID string equal to {@code sub}; customer tokens only. */
  public static final String CUSTOMER_ID = "customer_id";

  /** The customer's sign-in name (e.g. {@code alice}); customer tokens only; not an identifier. */
  public static final String PREFERRED_USERNAME = "preferred_username";

  private IdentityClaims() {}
}
