package dev.mercado.platform.errors;

import dev.mercado.platform.errors.internal.ContainerProblems;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns every exception a controller lets through into {@code application/problem+json}.
 *
 * <ul>
 *   <li>invalid input → 400 titled {@code Invalid request} whose {@code errors} property lists one
 *       {@code {field, message}} per field or parameter in error, and whose {@code detail} joins
 *       them as {@code "field: message; field: message"}, so a client can fix its request without
 *       guessing:
 *       <ul>
 *         <li>a {@code @Valid} body that fails bean validation: each field by its path ({@code
 *             price.amount}), each class-level constraint by the body's object name;
 *         <li>constraints on handler parameters ({@code @RequestParam @Max(100) int size}): each
 *             parameter by its name, or the fields of a {@code @Valid} parameter by their path;
 *         <li>a path variable, parameter or header that cannot be converted: the parameter, with
 *             {@code "must be a <type>"};
 *         <li>a JSON body with a value of the wrong type: its JSON path ({@code
 *             lines[0].quantity}); a body that cannot be read at all (not JSON, missing) has no
 *             {@code errors} and the detail {@code "The body is not valid JSON."};
 *         <li>an {@link InvalidFieldException}: its one field;
 *       </ul>
 *   <li>Spring MVC's other exceptions (missing parameters, unknown paths, unsupported methods…) and
 *       {@code ErrorResponseException}s keep their status and Spring's title and detail (inherited
 *       behaviour);
 *   <li>the service's database or another resource being unreachable → 503 with {@code Retry-After}
 *       (seconds), so clients and the gateway can tell "try again" from "your request is wrong":
 *       Spring's exceptions for it, a transaction that could not commit or roll back ({@code
 *       TransactionSystemException}, e.g. a rollback on a connection the database dropped), and any
 *       exception caused by a lost or refused connection;
 *   <li>anything else → 500 with a generic detail; the exception goes to the log, never to the
 *       client.
 * </ul>
 *
 * <p>It has the lowest precedence: a service's own {@code @RestControllerAdvice} for its domain
 * errors must be ordered before it, or this handler's catch-all answers them with 500.
 *
 * <p>Thread-safe and stateless.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ServiceErrorHandler extends ResponseEntityExceptionHandler {

  /** Seconds a client should wait before retrying after a 503. */
  static final String RETRY_AFTER_SECONDS = ContainerProblems.RETRY_AFTER_SECONDS;

  /** Title of every 400 for invalid input, whatever Spring exception reported it. */
  static final String INVALID_REQUEST = "Invalid request";

  private static final Logger log = LoggerFactory.getLogger(ServiceErrorHandler.class);

  /** Tomcat's, named so that this handler runs on any servlet container. */
  private static final String UNDECODABLE_PARAMETERS =
      "org.apache.tomcat.util.http.InvalidParameterException";

  /** One field or parameter in error, an element of the {@code errors} property. */
  record InvalidField(String field, String message) {}

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<InvalidField> fields = new ArrayList<>();
    ex.getFieldErrors().forEach(error -> fields.add(field(error)));
    ex.getGlobalErrors()
        .forEach(error -> fields.add(new InvalidField(error.getObjectName(), message(error))));
    return invalid(ex, fields, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<InvalidField> fields = new ArrayList<>();
    for (ParameterValidationResult result : ex.getParameterValidationResults()) {
      String name = result.getMethodParameter().getParameterName();
      if (result instanceof ParameterErrors errors && errors.hasFieldErrors()) {
        errors.getFieldErrors().forEach(error -> fields.add(field(error)));
      } else {
        result
            .getResolvableErrors()
            .forEach(error -> fields.add(new InvalidField(name, message(error))));
      }
    }
    return invalid(ex, fields, headers, status, request);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (ex.getPropertyName() == null) {
      return super.handleTypeMismatch(ex, headers, status, request);
    }
    String expected = ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName();
    return invalid(
        ex,
        List.of(new InvalidField(ex.getPropertyName(), "must be a " + expected)),
        headers,
        status,
        request);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String field = path(ex);
    if (field.isEmpty()) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(status, "The body is not valid JSON.");
      problem.setTitle(INVALID_REQUEST);
      return handleExceptionInternal(ex, problem, headers, status, request);
    }
    return invalid(
        ex,
        List.of(new InvalidField(field, "has a value of the wrong type")),
        headers,
        status,
        request);
  }

  @ExceptionHandler(InvalidFieldException.class)
  ResponseEntity<Object> invalidField(InvalidFieldException e, WebRequest request) {
    return invalid(
        e,
        List.of(new InvalidField(e.field(), e.getMessage())),
        new HttpHeaders(),
        HttpStatus.BAD_REQUEST,
        request);
  }

  @ExceptionHandler({
    DataAccessResourceFailureException.class,
    TransientDataAccessException.class,
    CannotCreateTransactionException.class,
    TransactionSystemException.class
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
    if (causedByUnavailableResource(e)) {
      return unavailable(e);
    }
    if (causedBy(e, UNDECODABLE_PARAMETERS)) {
      // a form body or query string that is not valid percent-encoding: the client's error,
      // raised by Tomcat when anything first asks for the parameters
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.BAD_REQUEST, "The request's parameters or form body cannot be decoded.");
      problem.setTitle(INVALID_REQUEST);
      return ResponseEntity.badRequest().body(problem);
    }
    log.error("answering 500: unexpected error", e);
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.INTERNAL_SERVER_ERROR, "The service could not handle this request.");
    problem.setTitle("Internal error");
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
  }

  private ResponseEntity<Object> invalid(
      Exception ex,
      List<InvalidField> fields,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            status,
            fields.stream()
                .map(field -> field.field() + ": " + field.message())
                .collect(Collectors.joining("; ")));
    problem.setTitle(INVALID_REQUEST);
    problem.setProperty("errors", fields);
    return handleExceptionInternal(ex, problem, headers, status, request);
  }

  /**
   * Whether a lost or refused connection lies under an exception Spring did not translate to one of
   * the types {@link #unavailable} handles (e.g. wrapped by a library, or a commit's or rollback's
   * {@code SQLException} on a connection the database dropped): a dependency being down is a 503,
   * never a 500 (R7, F8): the answer that matches readiness turning DOWN with the database (R1), so
   * clients and the gateway retry instead of giving up.
   */
  private static boolean causedByUnavailableResource(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof DataAccessResourceFailureException
          || cause instanceof TransientDataAccessException
          || cause instanceof CannotCreateTransactionException
          || cause instanceof TransactionSystemException
          || cause instanceof SQLTransientConnectionException
          || cause instanceof SQLNonTransientConnectionException
          || cause instanceof SQLRecoverableException
          || cause instanceof ConnectException
          || (cause instanceof SQLException sql && isConnectionState(sql.getSQLState()))) {
        return true;
      }
      if (cause.getCause() == cause) {
        return false;
      }
    }
    return false;
  }

  private static boolean causedBy(Throwable error, String className) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause.getClass().getName().equals(className)) {
        return true;
      }
      if (cause.getCause() == cause) {
        return false;
      }
    }
    return false;
  }

  /**
   * SQLSTATE class 08 (connection exception) and 57P (PostgreSQL: the server shut down or cannot
   * connect now).
   */
  private static boolean isConnectionState(String state) {
    return state != null && (state.startsWith("08") || state.startsWith("57P"));
  }

  private static InvalidField field(FieldError error) {
    return new InvalidField(error.getField(), message(error));
  }

  private static String message(MessageSourceResolvable error) {
    return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
  }

  /** The JSON path of the value Jackson could not read, e.g. {@code price.amount}; or empty. */
  private static String path(HttpMessageNotReadableException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : jackson.getPath()) {
          if (reference.getPropertyName() != null) {
            path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
          } else if (reference.getIndex() >= 0) {
            path.append('[').append(reference.getIndex()).append(']');
          }
        }
        return path.toString();
      }
    }
    return "";
  }
}
