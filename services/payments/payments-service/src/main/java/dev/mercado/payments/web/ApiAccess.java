package dev.mercado.payments.web;

import dev.mercado.identity.api.Role;
import dev.mercado.platform.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may read payments (docs/adr/0009): operators (role {@code admin}) and Mercado's own processes
 * (role {@code service}, e.g. the gateway composing an order's page for its owner, after orders has
 * checked the owner). Customers read their payment through that page, not here: payments does not
 * know whose order it is paying.
 */
@Configuration(proxyBeanMethods = false)
class ApiAccess {

  @Bean
  AccessRules paymentsAccess() {
    return requests ->
        requests
            .requestMatchers("/api/v1/payments", "/api/v1/payments/**")
            .hasAnyRole(Role.ADMIN.claimValue(), Role.SERVICE.claimValue());
  }
}
