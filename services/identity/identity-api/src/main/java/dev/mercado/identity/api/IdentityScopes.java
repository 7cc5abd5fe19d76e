package dev.mercado.identity.api;

/**
 * The OAuth scopes identity grants, named {@code <service>:<access>}. A token carries only scopes
 * its client is registered for and, in the authorization-code flow, asked for.
 */
public final class IdentityScopes {

  /** Read the catalogue. */
  public static final String CATALOG_READ = "catalog:read";

  /** Change the catalogue (administrators). */
  public static final String CATALOG_WRITE = "catalog:write";

  /** Read one's orders. */
  public static final String ORDERS_READ = "orders:read";

  /** Place orders. */
  public static final String ORDERS_WRITE = "orders:write";

  /** Resolve partners' API keys ({@link IdentityEndpoints#API_KEYS}); the gateway's client only. */
  public static final String IDENTITY_API_KEYS = "identity:api-keys";

  /** OpenID Connect: also issue an ID token (authorization-code flow). */
  public static final String OPENID = "openid";

  /** OpenID Connect: the customer's profile claims. */
  public static final String PROFILE = "profile";

  private IdentityScopes() {}
}
