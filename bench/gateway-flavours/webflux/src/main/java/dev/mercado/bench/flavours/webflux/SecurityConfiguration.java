package dev.mercado.bench.flavours.webflux;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * The same check as the webmvc flavour's, in reactive form: a bearer token signed by one of the
 * keys at {@code jwks} on every {@code /api/**} request, and its issuer when {@code issuer} is set.
 * The decoder is built by hand in both flavours so that neither depends on how Boot's
 * auto-configuration differs between the stacks.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityWebFilterChain api(ServerHttpSecurity http) {
    return http.authorizeExchange(
            exchange -> exchange.pathMatchers("/api/**").authenticated().anyExchange().permitAll())
        .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()))
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .build();
  }

  @Bean
  ReactiveJwtDecoder jwtDecoder(@Value("${jwks}") String jwks, @Value("${issuer:}") String issuer) {
    NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwks).build();
    if (!issuer.isEmpty()) {
      decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
    }
    return decoder;
  }
}
