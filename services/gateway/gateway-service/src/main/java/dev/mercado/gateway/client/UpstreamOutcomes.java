package dev.mercado.gateway.client;

import java.net.URI;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Tells {@link Outliers} how each request to the instance the load balancer picked went: a 5xx
 * answer or an error (refused, reset, timed out) is a failure, anything else a success.
 */
@Component
class UpstreamOutcomes implements GlobalFilter, Ordered {

  private final Outliers outliers;

  UpstreamOutcomes(Outliers outliers) {
    this.outliers = outliers;
  }

  @Override
  public int getOrder() {
    return ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER + 1;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    URI upstream = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
    if (upstream == null || upstream.getPort() < 0) {
      return chain.filter(exchange);
    }
    String instance = upstream.getHost() + ":" + upstream.getPort();
    return chain
        .filter(exchange)
        .doOnSuccess(
            done -> {
              HttpStatusCode status = exchange.getResponse().getStatusCode();
              outliers.record(instance, status != null && status.is5xxServerError());
            })
        .doOnError(error -> outliers.record(instance, true));
  }
}
