package dev.mercado.simulators.kit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem detail, created through {@link ProblemTypes#of}. Immutable and thread-safe;
 * the extensions keep the order in which they were added, and so does the JSON.
 *
 * @param status the HTTP status
 * @param type a URN naming the kind of problem
 * @param title the same for every problem of the type
 * @param detail what went wrong with this request
 * @param extensions more members of the JSON object, after {@code detail}
 */
public record Problem(
    int status, String type, String title, String detail, Map<String, Object> extensions) {

  /** The media type of a problem detail. */
  public static final String CONTENT_TYPE = "application/problem+json";

  public Problem {
    extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  /** This problem with one more extension member, or another value for that member. */
  public Problem with(String name, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(extensions);
    more.put(name, value);
    return new Problem(status, type, title, detail, more);
  }

  /** An exception that ends the request with this problem when thrown in a {@link JsonEndpoint}. */
  public ProblemException toException() {
    return new ProblemException(this);
  }

  /** The JSON object: {@code type}, {@code title}, {@code status}, {@code detail}, extensions. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", type);
    json.put("title", title);
    json.put("status", status);
    json.put("detail", detail);
    json.putAll(extensions);
    return json;
  }
}
