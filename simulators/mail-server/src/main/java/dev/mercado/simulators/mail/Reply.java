package dev.mercado.simulators.mail;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** A complete HTTP response, rendered before it is sent. Immutable. */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

  static final String JSON = "application/json";

  static Reply json(int status, Object value) {
    return new Reply(status, JSON, Json.write(value), Map.of());
  }

  static Reply problem(Problem problem) {
    return new Reply(
        problem.status(), Problem.CONTENT_TYPE, Json.write(problem.toJson()), Map.of());
  }

  static Reply noContent() {
    return new Reply(204, null, new byte[0], Map.of());
  }

  Reply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Reply(status, contentType, body, more);
  }

  void send(HttpExchange exchange) throws IOException {
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
