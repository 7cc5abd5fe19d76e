package dev.mercado.platform.problems;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one writer of problem details (RFC 9457) outside Spring MVC's own message converters: a
 * security filter's 401, the gateway's 404 or 429, a container error. The document has the members
 * Spring MVC gives a {@link ProblemDetail} returned by a controller ({@code type}, {@code title},
 * {@code status}, {@code detail}, {@code instance}, then each extension property as a member of its
 * own; no {@code type} member when the type is {@code about:blank}, which its absence means), so a
 * client sees one shape whichever layer answered. Stateless and thread-safe.
 */
public final class ProblemJson {

  /** Spring's mix-in puts a problem's properties at the top level, as its converters do. */
  private static final JsonMapper MAPPER =
      JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

  private ProblemJson() {}

  /**
   * A problem about the request at {@code path}.
   *
   * @param title a short summary of the problem type; the status's reason phrase when {@code null}
   * @param detail what went wrong with this request and what the client can do, never internals
   * @param path the request's path, the problem's {@code instance}; none when {@code null}
   */
  public static ProblemDetail of(HttpStatusCode status, String title, String detail, String path) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    if (title != null) {
      problem.setTitle(title);
    }
    if (path != null) {
      problem.setInstance(instance(path));
    }
    return problem;
  }

  /** A problem of a registered type with extension members (e.g. a rate limit's). */
  public static ProblemDetail of(
      HttpStatusCode status,
      URI type,
      String title,
      String detail,
      String path,
      Map<String, Object> properties) {
    ProblemDetail problem = of(status, title, detail, path);
    problem.setType(type);
    properties.forEach(problem::setProperty);
    return problem;
  }

  /** The document's UTF-8 bytes. */
  public static byte[] bytes(ProblemDetail problem) {
    return MAPPER.writeValueAsBytes(problem);
  }

  /** The document as text. */
  public static String text(ProblemDetail problem) {
    return MAPPER.writeValueAsString(problem);
  }

  /**
   * Answers a servlet request with the problem: its status, {@code application/problem+json}, the
   * document. Headers the problem needs ({@code Retry-After}, {@code WWW-Authenticate}) are the
   * caller's to set first.
   *
   * @throws IOException if the client went away
   */
  public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    byte[] body = bytes(problem);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The request's path as a URI reference, quoting what a raw path may hold but a URI may not. */
  private static URI instance(String path) {
    try {
      return new URI(path);
    } catch (URISyntaxException e) {
      try {
        return new URI(null, null, path, null);
      } catch (URISyntaxException unquotable) {
        return null;
      }
    }
  }
}
