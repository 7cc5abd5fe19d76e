package dev.mercado.identity.api;

/**
 * The OAuth clients identity registers at every start (idempotently), with their <b>demo</b>
 * secrets and API keys. These values are public — they are in this file — so they protect nothing:
 * they let the local system, its scripts and its tests run without setup. A real deployment
 * registers its own clients and secrets.
 *
 * <table>
 *   <caption>Seeded clients</caption>
 *   <tr><th>client id</th><th>grant</th><th>scopes</th><th>roles, tier</th></tr>
 *   <tr><td>{@link #SHOP_WEB}</td><td>authorization code + PKCE (public)</td>
 *       <td>openid profile catalog:read orders:read orders:write</td><td>the customer's</td></tr>
 *   <tr><td>{@link #PARTNER_FREE}</td><td>client credentials</td>
 *       <td>catalog:read orders:write</td><td>partner, free</td></tr>
 *   <tr><td>{@link #PARTNER_PREMIUM}</td><td>client credentials</td>
 *       <td>catalog:read orders:write</td><td>partner, premium</td></tr>
 *   <tr><td>{@link #ADMIN_CLI}</td><td>client credentials</td>
 *       <td>catalog:read catalog:write orders:read</td><td>admin</td></tr>
 *   <tr><td>{@link #GATEWAY}</td><td>client credentials</td>
 *       <td>identity:api-keys</td><td>service</td></tr>
 *   <tr><td>{@link #DEV_SCRIPTS}</td><td>none (dev tokens only; registered only when enabled)</td>
 *       <td>—</td><td>—</td></tr>
 * </table>
 */
public final class DemoClients {

  /** The shop's web UI: a public client (no secret); authorization code with PKCE S256 only. */
  public static final String SHOP_WEB = "shop-web";

  /** The redirect URI of the web UI behind the gateway. */
  public static final String SHOP_WEB_REDIRECT_URI = "http://127.0.0.1:8080/login/callback";

  /** The redirect URI of the web UI's development server. */
  public static final String SHOP_WEB_DEV_REDIRECT_URI = "http://localhost:5173/callback";

  /** A partner in the {@link Tier#FREE free} tier. */
  public static final String PARTNER_FREE = "partner-free";

  /** Demo secret of {@link #PARTNER_FREE}. */
  public static final String PARTNER_FREE_SECRET = "partner-free-demo-secret";

  /** Demo API key of {@link #PARTNER_FREE}; identity stores only its {@link ApiKeyHash}. */
  public static final String PARTNER_FREE_API_KEY = "mk_demo_free_6b1f0e4c2a9d47b3";

  /** A partner in the {@link Tier#PREMIUM premium} tier. */
  public static final String PARTNER_PREMIUM = "partner-premium";

  /** Demo secret of {@link #PARTNER_PREMIUM}. */
  public static final String PARTNER_PREMIUM_SECRET = "partner-premium-demo-secret";

  /** Demo API key of {@link #PARTNER_PREMIUM}; identity stores only its {@link ApiKeyHash}. */
  public static final String PARTNER_PREMIUM_API_KEY = "mk_demo_premium_93c5d2a7e1f04b68";

  /** Operators' scripts: client credentials with the role {@code admin}. */
  public static final String ADMIN_CLI = "mercado-admin-cli";

  /** Demo secret of {@link #ADMIN_CLI}. */
  public static final String ADMIN_CLI_SECRET = "mercado-admin-cli-demo-secret";

  /** The gateway, which resolves partners' API keys (scope {@code identity:api-keys}). */
  public static final String GATEWAY = "gateway";

  /** Demo secret of {@link #GATEWAY}. */
  public static final String GATEWAY_SECRET = "gateway-demo-secret";

  /**
   * Scripts and tests that need a customer token without a browser ({@link
   * IdentityEndpoints#DEV_TOKENS}); registered only while dev tokens are enabled.
   */
  public static final String DEV_SCRIPTS = "dev-scripts";

  /**
   * Default secret of {@link #DEV_SCRIPTS} ({@code mercado.identity.dev-tokens.client-secret}
   * overrides it).
   */
  public static final String DEV_SCRIPTS_SECRET = "dev-scripts-demo-secret";

  private DemoClients() {}
}
