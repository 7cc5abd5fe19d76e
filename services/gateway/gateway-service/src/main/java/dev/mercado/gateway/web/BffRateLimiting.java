package dev.mercado.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The BFF's pages (R5) answer from the gateway itself, not through a route, so {@link
 * RateLimiting}'s route filter never sees them: the same limits apply to them here, under the id
 * {@value RateLimiting#BFF}, once Spring Security has found the caller (R3).
 */
@Component
class BffRateLimiting implements WebFilter, Ordered {

  private final RateLimiting limiting;

  BffRateLimiting(RateLimiting limiting) {
    this.limiting = limiting;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!exchange.getRequest().getPath().value().startsWith(BffController.PATH + "/")) {
      return chain.filter(exchange);
    }
    return limiting.limit(exchange, RateLimiting.BFF, chain.filter(exchange));
  }

  @Override
  public int getOrder() {
    // after Spring Security's chain (order -100), which puts the caller in the exchange
    return 0;
  }
}
