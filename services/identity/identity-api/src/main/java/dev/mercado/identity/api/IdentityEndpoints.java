package dev.mercado.identity.api;

/**
 * Paths of identity's endpoints, relative to its base URL (the issuer, default {@code
 * http://127.0.0.1:8085}). The OAuth endpoints are Spring Authorization Server's defaults and are
 * also listed by {@link #METADATA}.
 */
public final class IdentityEndpoints {

  /** OAuth 2 authorization server metadata (RFC 8414). */
  public static final String METADATA = "/.well-known/oauth-authorization-server";

  /** OpenID Connect discovery document. */
  public static final String OPENID_CONFIGURATION = "/.well-known/openid-configuration";

  /** The JWK Set verifiers fetch: the active signing key and recently retired ones. */
  public static final String JWKS = "/oauth2/jwks";

  /** The token endpoint (client credentials, authorization code, refresh token). */
  public static final String TOKEN = "/oauth2/token";

  /** The authorization endpoint (authorization code + PKCE, browser). */
  public static final String AUTHORIZE = "/oauth2/authorize";

  /**
   * {@code GET API_KEYS + "/" + sha256}: who owns an API key, given the hex SHA-256 of the key
   * ({@link ApiKeyHash}); answers {@link ApiKeyOwner}. Needs a token with scope {@link
   * IdentityScopes#IDENTITY_API_KEYS}.
   */
  public static final String API_KEYS = "/api/v1/identity/api-keys";

  /** {@code POST}: retire the active signing key and activate a new one; role {@code admin}. */
  public static final String ROTATE_KEYS = "/api/v1/identity/admin/keys/rotate";

  /**
   * {@code POST} {@link DevTokenRequest}: a customer token for a demo customer, without a browser.
   * Exists only when identity runs with {@code mercado.identity.dev-tokens.enabled=true}; HTTP
   * Basic authentication as {@link DemoClients#DEV_SCRIPTS}.
   */
  public static final String DEV_TOKENS = "/api/v1/identity/dev/tokens";

  private IdentityEndpoints() {}
}
