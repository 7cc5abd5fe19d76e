package dev.mercado.platform.errors.internal;

import dev.mercado.platform.problems.ProblemJson;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The problem for an error status that reached the container rather than a controller: a title from
 * the status and a fixed detail per status, never the container's own message (which may name
 * internals such as a decoder's complaint). Stateless and thread-safe.
 */
public final class ContainerProblems {

  private ContainerProblems() {}

  /** Seconds a client should wait before retrying after a 503, as ServiceErrorHandler says. */
  public static final String RETRY_AFTER_SECONDS = "5";

  /** The problem as {@code application/problem+json} text. */
  public static String json(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    return ProblemJson.text(
        ProblemJson.of(
            HttpStatusCode.valueOf(status),
            known == null ? "Error" : known.getReasonPhrase(),
            detail(status),
            null));
  }

  private static String detail(int status) {
    return switch (status) {
      case 400 -> "The request is malformed: its path, headers or body cannot be accepted.";
      case 401 -> "The request needs a valid access token.";
      case 403 -> "The caller is not allowed to do this.";
      case 404 -> "No resource at this path.";
      case 405 -> "This method is not supported for this path.";
      case 408 -> "The request took too long to arrive.";
      case 413 -> "The request is too large.";
      case 414 -> "The request's URI is too long.";
      case 415 -> "The body's media type is not supported here.";
      case 431 -> "The request's headers are too large.";
      case 503 -> "The service is not available now; retry later.";
      default ->
          status >= 500
              ? "The service could not handle this request."
              : "The request cannot be accepted.";
    };
  }
}
