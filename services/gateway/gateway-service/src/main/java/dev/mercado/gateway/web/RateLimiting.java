package dev.mercado.gateway.web;

import dev.mercado.identity.api.IdentityClaims;
import dev.mercado.platform.ratelimit.Decision;
import dev.mercado.platform.ratelimit.RateLimitHeaders;
import dev.mercado.platform.ratelimit.RateLimitProblem;
import dev.mercado.platform.ratelimit.RateLimits;
import dev.mercado.platform.ratelimit.Requester;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Rate limits at the edge (R3, R5), per route and requester, with the policies of {@code
 * mercado.ratelimit.*} (platform-ratelimit): the requester is the token's client or customer with
 * the client's tier, or, without a token, the client's IP address at the default tier. An admitted
 * request carries its remaining quota in the IETF {@code RateLimit} and {@code RateLimit-Policy}
 * response fields; a rejected one gets 429 problem details with {@code Retry-After} and never
 * reaches the service. The decision never blocks a thread (the Redis backend answers
 * asynchronously).
 */
@Component
class RateLimiting implements GlobalFilter, Ordered {

  /** Exchange attributes the access log reads. */
  static final String CLIENT = "mercado.client";

  static final String TIER = "mercado.tier";

  /** The id the BFF's pages are limited under ({@link BffRateLimiting}), as a route's id is. */
  static final String BFF = "bff";

  private final RateLimits limits;

  RateLimiting(RateLimits limits) {
    this.limits = limits;
  }

  @Override
  public int getOrder() {
    // after the route is chosen, before the request is forwarded
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
    if (route == null) {
      return chain.filter(exchange);
    }
    return limit(exchange, route.getId(), chain.filter(exchange));
  }

  /** Decides the request under the policies of {@code routeId}; forwards with {@code proceed}. */
  Mono<Void> limit(ServerWebExchange exchange, String routeId, Mono<Void> proceed) {
    return exchange
        .getPrincipal()
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            principal -> {
              Requester requester = requester(exchange, principal);
              exchange
                  .getAttributes()
                  .put(CLIENT, requester.client() == null ? "-" : requester.client());
              exchange.getAttributes().put(TIER, requester.tier() == null ? "-" : requester.tier());
              return Mono.fromCompletionStage(
                      limits.checkAsync(
                          routeId,
                          exchange.getRequest().getMethod().name(),
                          exchange.getRequest().getPath().value(),
                          requester))
                  .flatMap(decision -> apply(decision, exchange, proceed));
            });
  }

  private static Mono<Void> apply(
      Decision decision, ServerWebExchange exchange, Mono<Void> forward) {
    Map<String, String> headers = RateLimitHeaders.of(decision);
    if (!decision.allowed()) {
      return Problems.write(
          exchange,
          RateLimitProblem.of(decision).toProblemDetail(exchange.getRequest().getPath().value()),
          headers);
    }
    exchange
        .getResponse()
        .beforeCommit(
            () -> {
              headers.forEach(exchange.getResponse().getHeaders()::set);
              return Mono.empty();
            });
    // a leaky bucket admits now but releases at its leak rate
    return decision.delay().isZero() ? forward : Mono.delay(decision.delay()).then(forward);
  }

  private static Requester requester(ServerWebExchange exchange, Optional<Principal> principal) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    String ip = remote == null ? "unknown" : remote.getAddress().getHostAddress();
    if (principal.isPresent() && principal.get() instanceof JwtAuthenticationToken token) {
      Jwt jwt = token.getToken();
      return new Requester(
          jwt.getClaimAsString(IdentityClaims.CUSTOMER_ID),
          ip,
          null,
          jwt.getClaimAsString(IdentityClaims.CLIENT_ID),
          jwt.getClaimAsString(IdentityClaims.TIER));
    }
    if (principal.isPresent() && principal.get() instanceof ApiKeyAuthentication partner) {
      return new Requester(null, ip, partner.keyHash(), partner.clientId(), partner.tier());
    }
    return Requester.anonymous(ip);
  }
}
