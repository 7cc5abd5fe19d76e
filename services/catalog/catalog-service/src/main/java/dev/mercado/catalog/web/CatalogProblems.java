package dev.mercado.catalog.web;

import dev.mercado.catalog.application.DuplicateSkuException;
import dev.mercado.catalog.application.ProductNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Catalog's domain errors as problem details: an unknown product (404) and a taken SKU (409).
 * Invalid input, including {@code InvalidFieldException}, and everything else is answered by the
 * platform's handler (platform-errors), which this one must run before.
 */
@RestControllerAdvice(basePackageClasses = CatalogProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CatalogProblems {

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

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return ResponseEntity.status(status).body(problem);
  }
}
