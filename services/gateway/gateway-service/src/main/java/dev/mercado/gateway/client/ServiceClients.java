package dev.mercado.gateway.client;

import dev.mercado.gateway.domain.AccessRefused;
import dev.mercado.gateway.domain.ServiceDocuments;
import dev.mercado.gateway.domain.ServiceFailure;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancerClientRequestTransformer;
import org.springframework.cloud.client.loadbalancer.reactive.ReactiveLoadBalancer;
import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.context.event.EventListener;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' documents over HTTP for the gateway's pages, through the same load balancing as the
 * routes' {@code lb://<service>}: a request for {@code http://<service>/...} goes to a ready, not
 * ejected instance of the service ({@link InstanceSelection}), and each answer counts towards that
 * instance's {@link Outliers} record, as a routed request's does. Boot's {@code WebClient.Builder}
 * brings the client observation, so each call is a span of the page's trace and carries its trace
 * context. Decimal numbers are read as {@code BigDecimal}: an amount of {@code 9.90} is passed on
 * as {@code 9.90}, not as a binary fraction.
 *
 * <p>Each call goes through the service's circuit breaker, timeout and bulkhead, the ones its
 * routes use (R4, R6, F8: {@code resilience4j.*.instances.<service>}): while catalog's breaker is
 * open, a page does not wait for catalog at all. Here a 5xx answer counts as a failure too, since
 * the page reads the whole answer; a routed request passes the 5xx on instead.
 *
 * <p>No retries ({@link ReactorLoadBalancerExchangeFilterFunction}, not the retrying variant Spring
 * Cloud configures by default): the caller's deadline covers one attempt, and a page would rather
 * leave a part out than wait for a second try.
 */
@Component
class ServiceClients implements ServiceDocuments {

  /** The services the pages read, whose load balancers start with the gateway. */
  static final List<String> SERVICES = List.of("orders", "payments", "notifications", "catalog");

  private static final ParameterizedTypeReference<Map<String, Object>> DOCUMENT =
      new ParameterizedTypeReference<>() {};
  private static final ParameterizedTypeReference<List<Map<String, Object>>> DOCUMENTS =
      new ParameterizedTypeReference<>() {};

  private final WebClient http;
  private final ReactiveLoadBalancer.Factory<ServiceInstance> loadBalancers;
  private final ReactiveCircuitBreakerFactory<?, ?> breakers;
  private final ServiceToken serviceToken;

  ServiceClients(
      WebClient.Builder builder,
      ReactiveCircuitBreakerFactory<?, ?> breakers,
      ReactiveLoadBalancer.Factory<ServiceInstance> loadBalancers,
      ObjectProvider<List<LoadBalancerClientRequestTransformer>> transformers,
      Outliers outliers,
      JsonMapper json,
      ServiceToken serviceToken) {
    this.loadBalancers = loadBalancers;
    this.breakers = breakers;
    this.serviceToken = serviceToken;
    JsonMapper exactDecimals =
        json.rebuild().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    this.http =
        builder
            .codecs(
                codecs ->
                    codecs
                        .defaultCodecs()
                        .jacksonJsonDecoder(new JacksonJsonDecoder(exactDecimals)))
            // outermost first: pick the instance, then record how the request to it went
            .filter(
                new ReactorLoadBalancerExchangeFilterFunction(
                    loadBalancers, transformers.getIfAvailable(List::of)))
            .filter(outcomes(outliers))
            .build();
  }

  /**
   * Creates each service's load balancer when the gateway is ready rather than on the first page:
   * its readiness probes start then, and the first customer does not spend the deadline on it.
   */
  @EventListener(ApplicationReadyEvent.class)
  void startLoadBalancers() {
    SERVICES.forEach(loadBalancers::getInstance);
  }

  @Override
  public Mono<Map<String, Object>> order(UUID id, String authorization) {
    // as the caller: orders decides whether they may see this order
    return get("orders", "/api/v1/orders/{id}", id, DOCUMENT, authorization);
  }

  @Override
  public Mono<Map<String, Object>> payment(UUID orderId) {
    // payments answers a list with the order's one payment, or none yet
    return asGateway("payments", "/api/v1/payments?orderId={id}", orderId, DOCUMENTS)
        .flatMap(payments -> payments.isEmpty() ? Mono.empty() : Mono.just(payments.get(0)));
  }

  @Override
  public Mono<List<Map<String, Object>>> notifications(UUID orderId) {
    return asGateway("notifications", "/api/v1/notifications?orderId={id}", orderId, DOCUMENTS);
  }

  @Override
  public Mono<Map<String, Object>> product(UUID id) {
    return get("catalog", "/api/v1/catalog/products/{id}", id, DOCUMENT, null);
  }

  /** With the gateway's own service token: payments and notifications serve services only. */
  private <T> Mono<T> asGateway(
      String service, String path, UUID id, ParameterizedTypeReference<T> type) {
    return serviceToken
        .authorization()
        .defaultIfEmpty("")
        .flatMap(header -> get(service, path, id, type, header.isEmpty() ? null : header));
  }

  private <T> Mono<T> get(
      String service,
      String path,
      UUID id,
      ParameterizedTypeReference<T> type,
      String authorization) {
    Mono<T> call =
        http.get()
            // the service's name stands for the host; the load balancer puts an instance's there
            .uri("http://" + service + path, id)
            .accept(MediaType.APPLICATION_JSON)
            .headers(
                headers -> {
                  if (authorization != null) {
                    headers.set(HttpHeaders.AUTHORIZATION, authorization);
                  }
                })
            .exchangeToMono(
                response -> {
                  int status = response.statusCode().value();
                  if (status == 404) {
                    return response.releaseBody().then(Mono.empty());
                  }
                  if (status == 401 || status == 403) {
                    return response
                        .releaseBody()
                        .then(Mono.error(new AccessRefused(service, status)));
                  }
                  if (response.statusCode().is2xxSuccessful()) {
                    return response.bodyToMono(type);
                  }
                  return response.createError();
                });
    return breakers
        .create(service)
        // the failure itself, not Spring Cloud's NoFallbackAvailableException around it
        .run(call, Mono::error)
        .onErrorMap(
            error -> !(error instanceof ServiceFailure) && !(error instanceof AccessRefused),
            error -> failure(service, error));
  }

  private static ServiceFailure failure(String service, Throwable error) {
    if (error instanceof CallNotPermittedException) {
      return new ServiceFailure(service, service + " circuit open", error);
    }
    if (error instanceof BulkheadFullException) {
      return new ServiceFailure(service, service + " busy: too many calls in flight", error);
    }
    if (error instanceof TimeoutException) {
      return new ServiceFailure(service, service + " did not answer within its timeout", error);
    }
    if (error instanceof WebClientResponseException answered) {
      // also what the load balancer answers when no instance is ready
      return new ServiceFailure(
          service, service + " answered " + answered.getStatusCode().value(), error);
    }
    if (error instanceof WebClientRequestException) {
      return new ServiceFailure(service, service + " unreachable", error);
    }
    return new ServiceFailure(service, service + " answered an unreadable document", error);
  }

  /** Tells {@link Outliers} how each request to a picked instance went, as for routed requests. */
  private static ExchangeFilterFunction outcomes(Outliers outliers) {
    return (request, next) -> {
      URI instance = request.url();
      if (instance.getPort() < 0) {
        return next.exchange(request);
      }
      String hostAndPort = instance.getHost() + ":" + instance.getPort();
      return next.exchange(request)
          .doOnNext(
              response -> outliers.record(hostAndPort, response.statusCode().is5xxServerError()))
          .doOnError(error -> outliers.record(hostAndPort, true));
    };
  }
}
