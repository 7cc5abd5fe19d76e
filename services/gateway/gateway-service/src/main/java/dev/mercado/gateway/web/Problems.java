package dev.mercado.gateway.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The one way the gateway writes an RFC 9457 problem of its own (404, 401, 403, 429, 503, 504):
 * {@code application/problem+json} with {@code type}, {@code title}, {@code status}, {@code detail}
 * and {@code instance}, never a stack trace.
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
    String body =
        "{\"type\":\"about:blank\",\"title\":\""
            + json(title)
            + "\",\"status\":"
            + status.value()
            + ",\"detail\":\""
            + json(detail)
            + "\",\"instance\":\""
            + json(exchange.getRequest().getPath().value())
            + "\"}";
    return writeJson(exchange, status, body, headers);
  }

  /** Writes a problem document built elsewhere (the rate limiter's). */
  static Mono<Void> writeJson(
      ServerWebExchange exchange, HttpStatusCode status, String body, Map<String, String> headers) {
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    headers.forEach(response.getHeaders()::set);
    DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
    return response.writeWith(Mono.just(buffer));
  }

  static String json(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> escaped.append("\\\"");
        case '\\' -> escaped.append("\\\\");
        default -> {
          if (c < 0x20) {
            escaped.append(String.format("\\u%04x", (int) c));
          } else {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }
}
