package dev.mercado.gateway.web;

import dev.mercado.gateway.domain.ServiceFailure;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway itself produces as {@code application/problem+json} (RFC 9457): 404 when
 * no route matches, 503 when the service behind a route refuses connections, drops the connection
 * while answering (it died or restarted), its breaker is open or its bulkhead full, 504 when it
 * does not answer within its timeout. Runs before Boot's default handler, which would answer with
 * its own JSON shape.
 */
@Component
@Order(-2)
class ProblemDetailsErrorHandler implements WebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsErrorHandler.class);

  /** Seconds a client should wait after a 503, as the services say it (platform-errors). */
  static final String RETRY_AFTER_SECONDS = "5";

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    Problem problem = problemFor(error);
    if (problem.status().is5xxServerError()) {
      log.warn(
          "{} {} answered {}: {}",
          exchange.getRequest().getMethod(),
          exchange.getRequest().getPath(),
          problem.status().value(),
          error.toString());
    }
    var response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.error(error);
    }
    return Problems.write(
        exchange,
        problem.status(),
        problem.title(),
        problem.detail(),
        problem.status().value() == HttpStatus.SERVICE_UNAVAILABLE.value()
            ? Map.of(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
            : Map.of());
  }

  private record Problem(HttpStatusCode status, String title, String detail) {}

  private static Problem problemFor(Throwable error) {
    if (causedBy(error, ConnectException.class)) {
      return new Problem(
          HttpStatus.SERVICE_UNAVAILABLE,
          "Service unavailable",
          "The service behind this route is not reachable; try again later.");
    }
    if (causedBy(error, IOException.class)) {
      // the connection broke while the service was answering (killed, restarting): it may or may
      // not have acted, which an Idempotency-Key makes safe to find out by repeating (R7)
      return new Problem(
          HttpStatus.SERVICE_UNAVAILABLE,
          "Service unavailable",
          "The service behind this route went away while answering; try again later, with the"
              + " same Idempotency-Key for an unsafe request.");
    }
    if (error instanceof ServiceUnavailableException
        || causedBy(error, CallNotPermittedException.class)) {
      // the service's breaker is open: no request is sent until it half-opens (R4)
      return new Problem(
          HttpStatus.SERVICE_UNAVAILABLE,
          "Service unavailable",
          "The service behind this route is failing; the gateway stopped calling it for a while.");
    }
    if (causedBy(error, BulkheadFullException.class)) {
      // R6: this service already has as many requests in flight as it is allowed
      return new Problem(
          HttpStatus.SERVICE_UNAVAILABLE,
          "Service unavailable",
          "The service behind this route is busy with other requests; try again later.");
    }
    if (causedBy(error, ServiceFailure.class)) {
      // e.g. identity, asked who owns an API key, did not answer: the key may well be valid
      return new Problem(
          HttpStatus.SERVICE_UNAVAILABLE,
          "Service unavailable",
          "The gateway cannot check this request's credentials now; try again later.");
    }
    if (error instanceof NotFoundException) {
      // the load balancer found no instance whose readiness passes and that is not ejected
      return new Problem(
          HttpStatus.SERVICE_UNAVAILABLE,
          "Service unavailable",
          "No instance of the service behind this route is ready; try again later.");
    }
    if (causedBy(error, TimeoutException.class)) {
      return new Problem(
          HttpStatus.GATEWAY_TIMEOUT,
          "Gateway timeout",
          "The service behind this route did not answer in time.");
    }
    if (error instanceof ResponseStatusException status) {
      HttpStatus known = HttpStatus.resolve(status.getStatusCode().value());
      String title = known == null ? "Error" : known.getReasonPhrase();
      String detail =
          status.getStatusCode().value() == 404
              ? "No route or resource for this path."
              : status.getReason() == null ? title : status.getReason();
      return new Problem(status.getStatusCode(), title, detail);
    }
    return new Problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "Internal error",
        "The gateway could not handle this request.");
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
}
