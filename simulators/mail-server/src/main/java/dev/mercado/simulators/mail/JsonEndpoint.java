package dev.mercado.simulators.mail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Handles one HTTP port: reads the request, lets the subclass compute a {@link Reply} and sends it.
 * A {@link ProblemException} becomes its problem detail; any other exception becomes a generic 500
 * problem and goes to stderr, never to the client.
 */
abstract class JsonEndpoint implements HttpHandler {

  static final int MAX_BODY_BYTES = 64 * 1024;

  @Override
  public final void handle(HttpExchange exchange) {
    try {
      replyTo(exchange).send(exchange);
    } catch (IOException e) {
      // the client went away or the listener was closed under the request: nobody to answer
    } finally {
      exchange.close();
    }
  }

  /** The reply to a request; may block, for example to simulate latency. */
  abstract Reply respond(Call call);

  static Reply notFound(Call call) {
    return Reply.problem(
        Problem.of(
            404, "not-found", "Not found", "no resource at " + call.method() + " " + call.path()));
  }

  static Reply methodNotAllowed(Call call, String allowed) {
    return Reply.problem(
            Problem.of(
                405,
                "method-not-allowed",
                "Method not allowed",
                call.path() + " allows " + allowed + ", not " + call.method()))
        .withHeader("Allow", allowed);
  }

  private Reply replyTo(HttpExchange exchange) {
    try {
      Call call =
          new Call(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              exchange.getRequestURI().getRawQuery(),
              readBody(exchange));
      return respond(call);
    } catch (ProblemException e) {
      return Reply.problem(e.problem());
    } catch (IOException e) {
      return Reply.problem(
          Problem.of(400, "invalid-request", "Invalid request", "the body could not be read"));
    } catch (RuntimeException e) {
      System.err.println("mail server: unexpected error, answering 500");
      e.printStackTrace();
      return Reply.problem(
          Problem.of(
              500,
              "internal-error",
              "Internal error",
              "the mail server could not handle the request"));
    }
  }

  private static byte[] readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        throw Problem.of(
                413,
                "payload-too-large",
                "Payload too large",
                "the body must be at most " + MAX_BODY_BYTES + " bytes")
            .toException();
      }
      return body;
    }
  }

  /** One request, read completely. */
  record Call(String method, String path, String rawQuery, byte[] body) {

    /**
     * The first value of a query parameter, decoded.
     *
     * @throws ProblemException 400 for a query that is not properly percent-encoded
     */
    Optional<String> queryParameter(String name) {
      if (rawQuery == null || rawQuery.isEmpty()) {
        return Optional.empty();
      }
      try {
        for (String pair : rawQuery.split("&")) {
          int equals = pair.indexOf('=');
          String key = equals < 0 ? pair : pair.substring(0, equals);
          if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            return Optional.of(URLDecoder.decode(value, StandardCharsets.UTF_8));
          }
        }
        return Optional.empty();
      } catch (IllegalArgumentException e) {
        throw Problem.of(
                400, "invalid-request", "Invalid request", "the query string is not URL-encoded")
            .toException();
      }
    }
  }
}
