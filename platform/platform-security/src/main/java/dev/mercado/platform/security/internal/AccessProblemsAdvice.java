package dev.mercado.platform.security.internal;

import dev.mercado.platform.problems.AccessProblems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Denials a controller decides itself (another customer's order) answer exactly as the filter
 * chain's do, and a request the security firewall rejects while a controller reads it is a 400.
 * Ordered first: the services' catch-all error handler would otherwise make them 500s.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AccessProblemsAdvice {

  private final AccessProblems problems;

  public AccessProblemsAdvice(AccessProblems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(AccessDeniedException.class)
  void forbidden(
      AccessDeniedException denied, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    problems.handle(request, response, denied);
  }

  /** Found by orders' generative test: a form body whose "parameter name" the firewall refused. */
  @ExceptionHandler(RequestRejectedException.class)
  void rejected(
      RequestRejectedException rejected, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    problems.rejected(request, response);
  }

  @ExceptionHandler(AuthenticationException.class)
  void unauthorized(
      AuthenticationException failure, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    problems.commence(request, response, failure);
  }
}
