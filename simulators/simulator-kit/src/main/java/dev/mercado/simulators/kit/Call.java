package dev.mercado.simulators.kit;

import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One request to a {@link JsonEndpoint}, read completely, with the replies that only depend on the
 * request itself. Its problems carry the endpoint's {@link ProblemTypes}. Immutable as long as
 * nobody writes into the array {@link #body()} returns, which is not copied.
 */
public final class Call {

  private final String method;
  private final String path;
  private final String rawQuery;
  private final Headers headers;
  private final byte[] body;
  private final ProblemTypes problems;

  Call(
      String method,
      String path,
      String rawQuery,
      Headers headers,
      byte[] body,
      ProblemTypes problems) {
    this.method = method;
    this.path = path;
    this.rawQuery = rawQuery;
    this.headers = headers;
    this.body = body;
    this.problems = problems;
  }

  /** The request method, such as {@code GET}. */
  public String method() {
    return method;
  }

  /** The decoded path, without the query. */
  public String path() {
    return path;
  }

  /** The query as sent, still percent-encoded; null if there is none. */
  public String rawQuery() {
    return rawQuery;
  }

  /** The body, empty if there is none; at most {@link JsonEndpoint#MAX_BODY_BYTES} bytes. */
  public byte[] body() {
    return body;
  }

  /** The first value of a request header, the name matched ignoring case. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.getFirst(name));
  }

  /**
   * The first value of a query parameter, decoded; an empty string for a parameter without {@code
   * =}.
   *
   * @throws ProblemException 400 {@code invalid-request} for a query that is not properly
   *     percent-encoded
   */
  public Optional<String> queryParameter(String name) {
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
      throw problems
          .of(400, "invalid-request", "Invalid request", "the query string is not URL-encoded")
          .toException();
    }
  }

  /**
   * The body as a JSON object.
   *
   * @throws ProblemException 400 {@code invalid-request} if the body is empty, not JSON, or JSON
   *     but not an object
   */
  public JsonNode jsonObject() {
    return Json.parse(body)
        .filter(JsonNode::isObject)
        .orElseThrow(
            () ->
                problems
                    .of(400, "invalid-request", "Invalid request", "the body must be a JSON object")
                    .toException());
  }

  /** 404 {@code not-found}, naming the method and the path. */
  public Reply notFound() {
    return Reply.problem(
        problems.of(404, "not-found", "Not found", "no resource at " + method + " " + path));
  }

  /**
   * 405 {@code method-not-allowed} with an {@code Allow} header.
   *
   * @param allowed the methods the path allows, as the {@code Allow} header lists them: {@code GET,
   *     DELETE}
   */
  public Reply methodNotAllowed(String allowed) {
    return Reply.problem(
            problems.of(
                405,
                "method-not-allowed",
                "Method not allowed",
                path + " allows " + allowed + ", not " + method))
        .withHeader("Allow", allowed);
  }
}
