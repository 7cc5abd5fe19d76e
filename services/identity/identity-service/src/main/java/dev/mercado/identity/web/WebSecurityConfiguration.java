package dev.mercado.identity.web;

import static org.springframework.security.config.Customizer.withDefaults;

import dev.mercado.identity.IdentityProperties;
import dev.mercado.identity.api.IdentityClaims;
import dev.mercado.identity.api.IdentityScopes;
import dev.mercado.identity.api.Role;
import dev.mercado.identity.application.ClientRegistrations;
import dev.mercado.platform.problems.AccessProblems;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Who may call what, as four filter chains tried in order:
 *
 * <ol>
 *   <li>the authorization server's endpoints ({@code /oauth2/*}, {@code /.well-known/*}, {@code
 *       /userinfo}, {@code /connect/*}): clients authenticate as OAuth clients; a browser that is
 *       not signed in is sent to the login form;
 *   <li>dev tokens, only when enabled: HTTP Basic as a client that has the dev-token grant;
 *   <li>identity's own API under {@code /api/}: stateless, bearer tokens from this server; the
 *       admin paths need the role {@code admin}, the API-key lookup the scope {@code
 *       identity:api-keys}. Every other API path has no handler and answers 404, so unknown paths
 *       look the same to everyone ({@code ApiSecurityIT} checks every mapped path is protected);
 *   <li>everything else: the customers' form login (session, CSRF) that the authorization-code flow
 *       uses; the actuator and the OpenAPI document are public.
 * </ol>
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

  /** The authority of a client allowed to mint dev tokens. */
  static final String DEV_TOKENS_AUTHORITY = "DEV_TOKENS";

  @Bean
  AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
    return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
  }

  /** Delegating: hashes carry their algorithm ({@code {bcrypt}...}), so it can change later. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServerChain(HttpSecurity http, IdentityProperties properties) {
    http.oauth2AuthorizationServer(
        server -> {
          http.securityMatcher(server.getEndpointsMatcher());
          server.oidc(withDefaults());
          server.tokenEndpoint(
              token ->
                  token.accessTokenRequestConverters(
                      converters ->
                          converters.replaceAll(
                              converter ->
                                  converter
                                          instanceof OAuth2ClientCredentialsAuthenticationConverter
                                      ? new RegisteredScopesByDefault()
                                      : converter)));
        });
    http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated());
    // the OIDC user-info endpoint takes this server's access tokens
    http.oauth2ResourceServer(resourceServer -> resourceServer.jwt(withDefaults()));
    MediaTypeRequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
    browsers.setIgnoredMediaTypes(Set.of(MediaType.ALL));
    http.exceptionHandling(
        exceptions ->
            exceptions.defaultAuthenticationEntryPointFor(
                new LoginUrlAuthenticationEntryPoint("/login"), browsers));
    http.cors(cors -> cors.configurationSource(browserOrigins(properties)));
    return http.build();
  }

  @Bean
  @Order(2)
  @ConditionalOnBooleanProperty("mercado.identity.dev-tokens.enabled")
  SecurityFilterChain devTokensChain(
      HttpSecurity http, RegisteredClientRepository clients, PasswordEncoder passwords) {
    DaoAuthenticationProvider devClients = new DaoAuthenticationProvider(devClients(clients));
    devClients.setPasswordEncoder(passwords);
    AccessProblems problems = AccessProblems.basic("identity");
    http.securityMatcher("/api/v1/identity/dev/**")
        .authorizeHttpRequests(
            authorize -> authorize.anyRequest().hasAuthority(DEV_TOKENS_AUTHORITY))
        // only dev-token clients: no fallback to customers' passwords
        .authenticationManager(new ProviderManager(devClients))
        .httpBasic(basic -> basic.authenticationEntryPoint(problems));
    return stateless(http, problems).build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain apiChain(HttpSecurity http) {
    AccessProblems problems = AccessProblems.bearer();
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers("/api/v1/identity/admin/**")
                    .hasRole(Role.ADMIN.claimValue())
                    .requestMatchers("/api/v1/identity/api-keys/**")
                    .hasAuthority("SCOPE_" + IdentityScopes.IDENTITY_API_KEYS)
                    // no handler: 404 (dev tokens are matched by their own chain when enabled)
                    .anyRequest()
                    .permitAll())
        .oauth2ResourceServer(
            resourceServer ->
                resourceServer
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(scopesAndRoles()))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems));
    return stateless(http, problems).build();
  }

  /** An API chain: no session, no CSRF token (no cookies), refusals as problem details. */
  private static HttpSecurity stateless(HttpSecurity http, AccessProblems problems) {
    return http.exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable);
  }

  @Bean
  @Order(4)
  SecurityFilterChain signInChain(HttpSecurity http) {
    http.authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers("/actuator/**", "/v3/api-docs/**", "/error")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(withDefaults());
    return http.build();
  }

  /** The clients that may mint dev tokens, as users of HTTP Basic: their id and secret. */
  private static UserDetailsService devClients(RegisteredClientRepository clients) {
    return clientId -> {
      RegisteredClient client = clientId.isBlank() ? null : clients.findByClientId(clientId);
      if (client == null
          || !client.getAuthorizationGrantTypes().contains(ClientRegistrations.DEV_TOKEN_GRANT)) {
        throw new UsernameNotFoundException("not a dev-token client");
      }
      return User.withUsername(client.getClientId())
          .password(client.getClientSecret())
          .authorities(DEV_TOKENS_AUTHORITY)
          .build();
    };
  }

  /** {@code SCOPE_<scope>} for each scope, {@code ROLE_<role>} for each role of the token. */
  private static JwtAuthenticationConverter scopesAndRoles() {
    JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(
        (Jwt jwt) -> {
          Collection<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
          List<String> roles = jwt.getClaimAsStringList(IdentityClaims.ROLES);
          if (roles != null) {
            roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
          }
          return authorities;
        });
    return converter;
  }

  private static UrlBasedCorsConfigurationSource browserOrigins(IdentityProperties properties) {
    CorsConfiguration configuration = new CorsConfiguration();
    configuration.setAllowedOrigins(properties.allowedOrigins());
    configuration.setAllowedMethods(List.of("GET", "POST"));
    configuration.setAllowedHeaders(List.of("Authorization", "Content-Type"));
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", configuration);
    return source;
  }
}
