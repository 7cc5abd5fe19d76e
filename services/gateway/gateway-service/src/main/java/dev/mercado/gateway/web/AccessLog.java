package dev.mercado.gateway.web;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One structured access-log line per request once its answer is complete (O2, R5): trace id,
 * method, path, route, client and tier, status, latency and client address, as JSON fields of the
 * service's log, so a slow or failed request found in Zipkin or Prometheus can be found in the log
 * by its trace id. The trace id is read from the request's observation and written as {@code
 * traceId}, the field every service's log lines have: the gateway does not copy the trace context
 * into thread locals (docs/adr/0011), so it is not in the logging context here.
 */
@Component
class AccessLog implements WebFilter, Ordered {

  private static final Logger log = LoggerFactory.getLogger("dev.mercado.gateway.access");

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long started = System.nanoTime();
    return chain.filter(exchange).doFinally(signal -> write(exchange, started));
  }

  private static void write(ServerWebExchange exchange, long started) {
    Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
    HttpStatusCode status = exchange.getResponse().getStatusCode();
    InetSocketAddress client = exchange.getRequest().getRemoteAddress();
    String traceId = traceId(exchange);
    long millis = (System.nanoTime() - started) / 1_000_000;
    log.atInfo()
        .addKeyValue("traceId", traceId)
        .addKeyValue("http.request.method", exchange.getRequest().getMethod().name())
        .addKeyValue("url.path", exchange.getRequest().getPath().value())
        .addKeyValue("route", route == null ? "-" : route.getId())
        .addKeyValue("client.id", exchange.getAttributeOrDefault(RateLimiting.CLIENT, "-"))
        .addKeyValue("client.tier", exchange.getAttributeOrDefault(RateLimiting.TIER, "-"))
        .addKeyValue("http.response.status_code", status == null ? 0 : status.value())
        .addKeyValue("event.duration_ms", millis)
        .addKeyValue("client.address", client == null ? "-" : client.getAddress().getHostAddress())
        .log(
            "{} {} -> {} {} in {} ms",
            exchange.getRequest().getMethod().name(),
            exchange.getRequest().getPath().value(),
            route == null ? "-" : route.getId(),
            status == null ? 0 : status.value(),
            millis);
  }

  /** The trace id of the request's server observation, set before any filter runs. */
  private static String traceId(ServerWebExchange exchange) {
    return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
        .map(
            context ->
                context.<TracingObservationHandler.TracingContext>get(
                    TracingObservationHandler.TracingContext.class))
        .map(TracingObservationHandler.TracingContext::getSpan)
        .map(Span::context)
        .map(context -> context.traceId())
        .orElse("-");
  }
}
