package dev.mercado.orders.web;

import dev.mercado.identity.api.Role;
import dev.mercado.platform.security.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may use orders' API, checked here as well as at the gateway (docs/adr/0009). Placing an order
 * needs a customer's token (the order is theirs) or an operator's or service's (the order names its
 * customer). Reading needs a token; whose order it is decides {@link OrderController}: its owner or
 * an operator, anyone else is 403.
 */
@Configuration(proxyBeanMethods = false)
class ApiAccess {

  @Bean
  AccessRules ordersAccess() {
    return requests ->
        requests
            .requestMatchers(HttpMethod.POST, "/api/v1/orders")
            .hasAnyRole(
                Role.CUSTOMER.claimValue(), Role.ADMIN.claimValue(), Role.SERVICE.claimValue());
  }
}
