package dev.mercado.notifications.web;

import dev.mercado.identity.api.Role;
import dev.mercado.platform.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may read notifications (docs/adr/0009): operators (role {@code admin}) and Mercado's own
 * processes (role {@code service}, e.g. the gateway composing an order's page for its owner, after
 * orders has checked the owner). The e-mails hold customers' addresses: no customer reads them here
 * directly.
 */
@Configuration(proxyBeanMethods = false)
class ApiAccess {

  @Bean
  AccessRules notificationsAccess() {
    return requests ->
        requests
            .requestMatchers("/api/v1/notifications", "/api/v1/notifications/**")
            .hasAnyRole(Role.ADMIN.claimValue(), Role.SERVICE.claimValue());
  }
}
