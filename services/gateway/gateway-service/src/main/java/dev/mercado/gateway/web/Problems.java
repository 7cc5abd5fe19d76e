package dev.mercado.gateway.web;

import dev.mercado.platform.problems.ProblemJson;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The one way the gateway answers with a problem of its own (404, 401, 403, 429, 503, 504): the
 * document {@link ProblemJson} writes for every Mercado process, put on the reactive response.
 */
final class Problems {

  private Problems() {}

  /** Writes a problem, with extra headers (e.g. {@code Retry-After}, {@code WWW-Authenticate}). */
  static Mono<Void> write(
      ServerWebExchange exchange,
      HttpStatusCode status,
      String title,
      String detail,
      Map<String, String> headers) {
    return write(
        exchange,
        ProblemJson.of(status, title, detail, exchange.getRequest().getPath().value()),
        headers);
  }

  /** Writes a problem built elsewhere (the rate limiter's, with its extension members). */
  static Mono<Void> write(
      ServerWebExchange exchange, ProblemDetail problem, Map<String, String> headers) {
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    headers.forEach(response.getHeaders()::set);
    DataBuffer buffer = response.bufferFactory().wrap(ProblemJson.bytes(problem));
    return response.writeWith(Mono.just(buffer));
  }
}
