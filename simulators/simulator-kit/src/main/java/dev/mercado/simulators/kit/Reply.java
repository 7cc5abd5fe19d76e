package dev.mercado.simulators.kit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A complete HTTP response, rendered before it is sent, so that it can be stored (for an idempotent
 * replay, say) and sent again byte for byte. Immutable and thread-safe as long as nobody writes
 * into the array {@link #body()} returns, which is not copied.
 *
 * @param status the HTTP status
 * @param contentType the {@code Content-Type}, or null for none
 * @param body the body, empty for none
 * @param headers more response headers, in the order they were added
 */
public record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

  /** The media type of a JSON reply. */
  public static final String JSON = "application/json";

  public Reply {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** {@code value} as {@code application/json}, written by {@link Json#write}. */
  public static Reply json(int status, Object value) {
    return new Reply(status, JSON, Json.write(value), Map.of());
  }

  /** The problem as {@code application/problem+json}, with its status. */
  public static Reply problem(Problem problem) {
    return new Reply(
        problem.status(), Problem.CONTENT_TYPE, Json.write(problem.toJson()), Map.of());
  }

  /** 204 without a body. */
  public static Reply noContent() {
    return new Reply(204, null, new byte[0], Map.of());
  }

  /** This reply with one more header, or another value for that header. */
  public Reply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Reply(status, contentType, body, more);
  }

  /**
   * Sends this reply, with {@code Cache-Control: no-store}, and closes the response body. Does not
   * close the exchange.
   *
   * @throws IOException if the client went away
   */
  public void send(HttpExchange exchange) throws IOException {
    Headers responseHeaders = exchange.getResponseHeaders();
    if (contentType != null) {
      responseHeaders.set("Content-Type", contentType);
    }
    responseHeaders.set("Cache-Control", "no-store");
    headers.forEach(responseHeaders::set);
    if (body.length == 0) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
