package dev.mercado.platform.errors;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every exception a controller lets through into {@code application/problem+json}.
 *
 * <ul>
 *   <li>Spring MVC's own exceptions (bad parameters, unknown paths, unsupported methods…) and
 *       {@code ErrorResponseException}s keep their status (inherited behaviour); an invalid request
 *       body is a 400 whose {@code errors} property names each invalid field;
 *   <li>the service's database or another resource being unreachable → 503 with {@code
 *       Retry-After}, so clients and the gateway can tell "try again" from "your request is wrong";
 *   <li>anything else → 500 with a generic detail; the exception goes to the log, never to the
 *       client.
 * </ul>
 *
 * <p>Thread-safe and stateless.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ServiceErrorHandler extends ResponseEntityExceptionHandler {

  /** Seconds a client should wait before retrying after a 503. */
  static final String RETRY_AFTER_SECONDS = "5";

  private static final Logger log = LoggerFactory.getLogger(ServiceErrorHandler.class);

  /** 400 that names every invalid field, so a client can fix its request without guessing. */
  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors =
        ex.getFieldErrors().stream()
            .map(
                error ->
                    Map.of(
                        "field",
                        error.getField(),
                        "message",
                        String.valueOf(error.getDefaultMessage())))
            .toList();
    ProblemDetail problem = ex.getBody();
    problem.setDetail(
        "Invalid fields: "
            + String.join(", ", errors.stream().map(error -> error.get("field")).toList()));
    problem.setProperty("errors", errors);
    return handleExceptionInternal(ex, problem, headers, status, request);
  }

  @ExceptionHandler({
    DataAccessResourceFailureException.class,
    TransientDataAccessException.class,
    CannotCreateTransactionException.class
  })
  ResponseEntity<ProblemDetail> unavailable(Exception e) {
    log.warn("answering 503: a resource is unavailable: {}", e.toString());
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "The service cannot reach a resource it depends on; retry later.");
    problem.setTitle("Service unavailable");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .body(problem);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("answering 500: unexpected error", e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR, "The service could not handle this request.");
    problem.setTitle("Internal error");
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
  }
}
