package dev.mercado.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's own access rules, declared as a bean, e.g. catalog's:
 *
 * <pre>{@code
 * @Bean
 * AccessRules catalogAccess() {
 *   return requests -> requests
 *       .requestMatchers("/api/v1/catalog/admin/**").hasRole("admin")
 *       .requestMatchers(HttpMethod.GET, "/api/v1/catalog/**").permitAll();
 * }
 * }</pre>
 *
 * <p>Rules are matched in declaration order (beans in {@code @Order}), first match wins. Roles are
 * identity's role claim values ({@code customer}, {@code admin}, {@code partner}, {@code service}).
 * After every service's rules, platform-security adds: the OpenAPI document and {@code /error} are
 * open, and <b>every other request needs a valid token</b> (secure by default: a path nobody
 * declared is 401 without a token). {@code /actuator/**} never reaches these rules: health, info
 * and Prometheus stay open for the launcher's and the gateway's probes. Rules that depend on the
 * resource (whose order is it?) belong in the controller, with a {@link Caller} argument.
 */
@FunctionalInterface
public interface AccessRules {

  /** Adds this service's request matchers and what they require. */
  void declare(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests);
}
