package dev.mercado.catalog.web;

import dev.mercado.identity.api.Role;
import dev.mercado.platform.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may use catalog's API, checked here as well as at the gateway (docs/adr/0009): the catalogue
 * is public to read; the admin API needs the role {@code admin}, so a customer's token is 403 even
 * when the gateway is bypassed. Anything else needs a token (platform-security's default).
 */
@Configuration(proxyBeanMethods = false)
class ApiAccess {

  @Bean
  AccessRules catalogAccess() {
    return requests ->
        requests
            .requestMatchers("/api/v1/catalog/admin/**")
            .hasRole(Role.ADMIN.claimValue())
            .requestMatchers(HttpMethod.GET, "/api/v1/catalog/**", "/api/v2/catalog/**")
            .permitAll();
  }
}
