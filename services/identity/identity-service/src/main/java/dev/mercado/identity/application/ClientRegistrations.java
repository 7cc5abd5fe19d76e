package dev.mercado.identity.application;

import dev.mercado.identity.IdentityProperties;
import dev.mercado.identity.api.DemoClients;
import dev.mercado.identity.api.IdentityScopes;
import dev.mercado.identity.api.Role;
import dev.mercado.identity.api.Tier;
import dev.mercado.identity.domain.ClientProfile;
import dev.mercado.identity.domain.ClientRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * Registers the seeded clients ({@link DemoClients}) at every start, idempotently: each is saved
 * under a fixed id equal to its client id, so a start updates it to the current settings (token
 * lifetime, secret) rather than adding another. {@code dev-scripts} is registered only while dev
 * tokens are enabled, and removed otherwise.
 *
 * <p>A client's roles and tier are stored as client settings ({@value #ROLES_SETTING}, {@value
 * #TIER_SETTING}); {@link #profileOf} reads them back.
 */
@Component
public class ClientRegistrations implements ApplicationRunner {

  /** Client setting: the client's roles, space-separated claim values. */
  static final String ROLES_SETTING = "mercado.roles";

  /** Client setting: a partner's tier claim value. */
  static final String TIER_SETTING = "mercado.tier";

  /**
   * The only grant {@code dev-scripts} has: no token endpoint accepts it, so the client can do
   * nothing but call the dev-token endpoint.
   */
  public static final AuthorizationGrantType DEV_TOKEN_GRANT =
      new AuthorizationGrantType("urn:mercado:params:oauth:grant-type:dev-token");

  /** The scopes of customer tokens: what the shop's customers may do through shop-web. */
  public static final List<String> CUSTOMER_SCOPES =
      List.of(IdentityScopes.CATALOG_READ, IdentityScopes.ORDERS_READ, IdentityScopes.ORDERS_WRITE);

  private static final Logger log = LoggerFactory.getLogger(ClientRegistrations.class);

  private final RegisteredClientRepository clients;
  private final ClientRegistry registry;
  private final PasswordEncoder passwords;
  private final IdentityProperties properties;

  ClientRegistrations(
      RegisteredClientRepository clients,
      ClientRegistry registry,
      PasswordEncoder passwords,
      IdentityProperties properties) {
    this.clients = clients;
    this.registry = registry;
    this.passwords = passwords;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<RegisteredClient> seeded =
        List.of(
            shopWeb(),
            partner(DemoClients.PARTNER_FREE, DemoClients.PARTNER_FREE_SECRET, Tier.FREE),
            partner(DemoClients.PARTNER_PREMIUM, DemoClients.PARTNER_PREMIUM_SECRET, Tier.PREMIUM),
            machine(
                DemoClients.ADMIN_CLI,
                "Mercado operators' scripts",
                DemoClients.ADMIN_CLI_SECRET,
                Set.of(Role.ADMIN),
                IdentityScopes.CATALOG_READ,
                IdentityScopes.CATALOG_WRITE,
                IdentityScopes.ORDERS_READ),
            machine(
                DemoClients.GATEWAY,
                "Mercado gateway",
                DemoClients.GATEWAY_SECRET,
                Set.of(Role.SERVICE),
                IdentityScopes.IDENTITY_API_KEYS));
    seeded.forEach(this::register);
    if (properties.devTokens().enabled()) {
      register(devScripts());
      log.warn(
          "dev tokens are ENABLED: client {} may mint customer tokens for demo customers at {}."
              + " Never enable them where real customers sign in.",
          DemoClients.DEV_SCRIPTS,
          "/api/v1/identity/dev/tokens");
    } else {
      registry.remove(DemoClients.DEV_SCRIPTS);
    }
    log.info(
        "registered clients: {}",
        seeded.stream().map(RegisteredClient::getClientId).collect(Collectors.joining(", ")));
  }

  /** The roles and tier stored with a client registration. */
  public static ClientProfile profileOf(RegisteredClient client) {
    String roles = client.getClientSettings().getSetting(ROLES_SETTING);
    String tier = client.getClientSettings().getSetting(TIER_SETTING);
    return new ClientProfile(
        client.getClientId(),
        roles == null || roles.isBlank()
            ? Set.of()
            : Arrays.stream(roles.split(" ")).map(Role::fromClaim).collect(Collectors.toSet()),
        tier == null ? null : Tier.fromClaim(tier));
  }

  private void register(RegisteredClient client) {
    try {
      clients.save(client);
    } catch (DuplicateKeyException e) {
      // another instance inserted it meanwhile: now it exists, so this save updates it
      clients.save(client);
    }
  }

  private RegisteredClient shopWeb() {
    return RegisteredClient.withId(DemoClients.SHOP_WEB)
        .clientId(DemoClients.SHOP_WEB)
        .clientName("Mercado shop (web UI)")
        .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .redirectUri(DemoClients.SHOP_WEB_REDIRECT_URI)
        .redirectUri(DemoClients.SHOP_WEB_DEV_REDIRECT_URI)
        .scope(IdentityScopes.OPENID)
        .scope(IdentityScopes.PROFILE)
        .scopes(scopes -> scopes.addAll(CUSTOMER_SCOPES))
        .clientSettings(
            ClientSettings.builder()
                .requireProofKey(true)
                // first-party application: customers are not asked to consent
                .requireAuthorizationConsent(false)
                .build())
        .tokenSettings(tokenSettings())
        .build();
  }

  private RegisteredClient partner(String clientId, String secret, Tier tier) {
    return confidential(clientId, "Partner (" + tier.claimValue() + " tier)", secret)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .scope(IdentityScopes.CATALOG_READ)
        .scope(IdentityScopes.ORDERS_WRITE)
        .clientSettings(
            ClientSettings.builder()
                .setting(ROLES_SETTING, Role.PARTNER.claimValue())
                .setting(TIER_SETTING, tier.claimValue())
                .build())
        .build();
  }

  private RegisteredClient machine(
      String clientId, String name, String secret, Set<Role> roles, String... scopes) {
    return confidential(clientId, name, secret)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .scopes(granted -> granted.addAll(List.of(scopes)))
        .clientSettings(
            ClientSettings.builder()
                .setting(
                    ROLES_SETTING,
                    roles.stream().map(Role::claimValue).sorted().collect(Collectors.joining(" ")))
                .build())
        .build();
  }

  private RegisteredClient devScripts() {
    return RegisteredClient.withId(DemoClients.DEV_SCRIPTS)
        .clientId(DemoClients.DEV_SCRIPTS)
        .clientName("Scripts and tests (dev tokens; never in production)")
        .clientSecret(passwords.encode(properties.devTokens().clientSecret()))
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(DEV_TOKEN_GRANT)
        .tokenSettings(tokenSettings())
        .build();
  }

  private RegisteredClient.Builder confidential(String clientId, String name, String secret) {
    return RegisteredClient.withId(clientId)
        .clientId(clientId)
        .clientName(name)
        .clientSecret(passwords.encode(secret))
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
        .tokenSettings(tokenSettings());
  }

  private TokenSettings tokenSettings() {
    return TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenLifetime()).build();
  }
}
