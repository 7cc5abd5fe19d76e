package dev.mercado.gateway.web;

import dev.mercado.gateway.GatewayProperties;
import dev.mercado.gateway.domain.ApiKeys;
import dev.mercado.identity.api.IdentityClaims;
import dev.mercado.identity.api.IdentityEndpoints;
import dev.mercado.platform.tokens.VerifiedTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Who is calling (R5, R3): a partner may send an API key instead of a token ({@link
 * ApiKeyAuthentication}; an unknown key is 401). A bearer token, when there is one, must be a JWT
 * signed by one of identity's keys (its JWKS, fetched on first use and again when a token names an
 * unknown key id, so a key rotation needs no restart), issued by identity, and not expired (60 s
 * clock skew allowed). A missing token is 401 on the routes that have nothing public (orders,
 * payments, notifications, the BFF's order page) and on catalog's admin API; catalog's reads and
 * the product page are open. The services behind check tokens and ownership themselves too
 * (docs/adr/0009), and the {@code Authorization} header goes to them unchanged. A bad token or key
 * is 401 and an authenticated caller without the role a route needs is 403, both as problem
 * details. Stateless: no session, no CSRF token, no saved request.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

  private static final Duration JWKS_TIMEOUT = Duration.ofSeconds(3);

  /** Routes with no public endpoint: a caller without a token or API key is refused here. */
  private static final String[] AUTHENTICATED_PATHS = {
    "/api/v1/orders/**", "/api/v1/payments/**", "/api/v1/notifications/**", "/api/v1/bff/orders/**"
  };

  @Bean
  SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ApiKeys apiKeys) {
    ServerAuthenticationEntryPoint unauthorized =
        (exchange, failure) ->
            Problems.write(
                exchange,
                HttpStatus.UNAUTHORIZED,
                "Unauthorized",
                "The access token is missing, expired or not valid (" + failure.getMessage() + ").",
                Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""));
    ServerAccessDeniedHandler forbidden =
        (exchange, denied) ->
            Problems.write(
                exchange,
                HttpStatus.FORBIDDEN,
                "Forbidden",
                "The caller is authenticated but not allowed to use this route.",
                Map.of());
    AuthenticationWebFilter partners =
        new AuthenticationWebFilter(ApiKeyAuthentication.manager(apiKeys));
    partners.setServerAuthenticationConverter(ApiKeyAuthentication.converter());
    partners.setAuthenticationFailureHandler(
        new ServerAuthenticationEntryPointFailureHandler(unauthorized));
    partners.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .addFilterAt(partners, SecurityWebFiltersOrder.AUTHENTICATION)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .authorizeExchange(
            routes ->
                routes
                    .pathMatchers("/api/v1/catalog/admin/**")
                    .hasRole("admin")
                    // nothing of these is public: the services would answer 401 themselves, the
                    // gateway does so without a call
                    .pathMatchers(AUTHENTICATED_PATHS)
                    .authenticated()
                    .anyExchange()
                    .permitAll())
        .oauth2ResourceServer(
            server ->
                server
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(roles()))
                    .authenticationEntryPoint(unauthorized)
                    .accessDeniedHandler(forbidden))
        .exceptionHandling(
            errors -> errors.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
        .build();
  }

  /**
   * A request Spring Security's firewall refuses before any route runs (an encoded {@code /},
   * {@code ..} or NUL in the path, a disallowed method or header) is a 400 problem like every other
   * answer of the gateway, not the firewall's default empty 400.
   */
  @Bean
  ServerExchangeRejectedHandler rejectedExchanges() {
    return (exchange, rejected) ->
        Problems.write(
            exchange,
            HttpStatus.BAD_REQUEST,
            "Bad Request",
            "The request's path, method or headers are not allowed.",
            Map.of());
  }

  /**
   * identity's keys and issuer; the decoder caches the key set and refetches on an unknown kid. The
   * fetch is bounded (R6, F8): an identity that does not answer fails the request with 401 within
   * seconds instead of holding it open. A token verified once is remembered ({@link
   * VerifiedTokens}, docs/adr/0011): its signature is not verified again, its expiry and issuer
   * are, on every request.
   */
  @Bean
  ReactiveJwtDecoder jwtDecoder(
      GatewayProperties gateway, WebClient.Builder webClient, MeterRegistry meters) {
    String identity = gateway.identityUrl();
    HttpClient bounded =
        HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) JWKS_TIMEOUT.toMillis())
            .responseTimeout(JWKS_TIMEOUT);
    NimbusReactiveJwtDecoder decoder =
        NimbusReactiveJwtDecoder.withJwkSetUri(identity + IdentityEndpoints.JWKS)
            .webClient(
                webClient.clone().clientConnector(new ReactorClientHttpConnector(bounded)).build())
            .build();
    OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithIssuer(identity);
    decoder.setJwtValidator(validator);
    VerifiedTokens verified =
        new VerifiedTokens(
            new VerifiedTokens.Limits(
                gateway.verifiedTokens().maximumSize(), gateway.verifiedTokens().maximumAge()),
            validator,
            meters);
    return token ->
        verified
            .recall(token)
            .map(Mono::just)
            .orElseGet(() -> decoder.decode(token).map(verified::remember));
  }

  /** The token's {@code roles} claim as authorities {@code ROLE_<role>}. */
  private static ReactiveJwtAuthenticationConverterAdapter roles() {
    JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
    authorities.setAuthoritiesClaimName(IdentityClaims.ROLES);
    authorities.setAuthorityPrefix("ROLE_");
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(authorities);
    return new ReactiveJwtAuthenticationConverterAdapter(converter);
  }
}
