package dev.mercado.catalog.web;

import dev.mercado.catalog.application.DuplicateSkuException;
import dev.mercado.catalog.application.ProductNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;

/**
 * Catalog's own problem details: its domain errors (404, 409), and 400s that name every field or
 * parameter in error under {@code errors}, so a client can point at what to fix. Runs before the
 * platform's handler (platform-errors), which answers everything else.
 */
@RestControllerAdvice(basePackageClasses = CatalogProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CatalogProblems {

  /** One field or parameter in error. */
  record InvalidField(String field, String message) {}

  @ExceptionHandler(ProductNotFoundException.class)
  ResponseEntity<ProblemDetail> productNotFound(ProductNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Product not found", e.getMessage());
  }

  @ExceptionHandler(DuplicateSkuException.class)
  ResponseEntity<ProblemDetail> duplicateSku(DuplicateSkuException e) {
    ResponseEntity<ProblemDetail> response =
        problem(HttpStatus.CONFLICT, "Duplicate SKU", e.getMessage());
    response.getBody().setProperty("sku", e.sku());
    return response;
  }

  @ExceptionHandler(InvalidFieldException.class)
  ResponseEntity<ProblemDetail> invalidField(InvalidFieldException e) {
    return invalid(List.of(new InvalidField(e.field(), e.getMessage())));
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e) {
    List<InvalidField> fields = new ArrayList<>();
    e.getBindingResult().getFieldErrors().forEach(error -> fields.add(field(error)));
    e.getBindingResult()
        .getGlobalErrors()
        .forEach(error -> fields.add(new InvalidField(error.getObjectName(), message(error))));
    return invalid(fields);
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
    List<InvalidField> fields = new ArrayList<>();
    for (ParameterValidationResult result : e.getParameterValidationResults()) {
      String name = result.getMethodParameter().getParameterName();
      if (result instanceof ParameterErrors errors && errors.hasFieldErrors()) {
        errors.getFieldErrors().forEach(error -> fields.add(field(error)));
      } else {
        result
            .getResolvableErrors()
            .forEach(error -> fields.add(new InvalidField(name, message(error))));
      }
    }
    return invalid(fields);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> mismatchedParameter(MethodArgumentTypeMismatchException e) {
    String expected = e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName();
    return invalid(List.of(new InvalidField(e.getName(), "must be a " + expected)));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadableBody(HttpMessageNotReadableException e) {
    String field = path(e);
    if (field.isEmpty()) {
      return problem(HttpStatus.BAD_REQUEST, "Invalid request", "The body is not valid JSON.");
    }
    return invalid(List.of(new InvalidField(field, "has a value of the wrong type")));
  }

  private static ResponseEntity<ProblemDetail> invalid(List<InvalidField> fields) {
    ResponseEntity<ProblemDetail> response =
        problem(
            HttpStatus.BAD_REQUEST,
            "Invalid request",
            fields.stream()
                .map(field -> field.field() + ": " + field.message())
                .collect(Collectors.joining("; ")));
    response.getBody().setProperty("errors", fields);
    return response;
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return ResponseEntity.status(status).body(problem);
  }

  private static InvalidField field(FieldError error) {
    return new InvalidField(error.getField(), message(error));
  }

  private static String message(MessageSourceResolvable error) {
    return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
  }

  /** The JSON path of the value Jackson could not read, e.g. {@code price.amount}. */
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
