package dev.mercado.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Spring Security refuses, answered as RFC 9457 problem details like every other error of
 * the API: 401 with a {@code WWW-Authenticate} challenge (RFC 6750 for bearer tokens, RFC 7617 for
 * HTTP Basic) when the caller is not authenticated, 403 when it lacks a role or scope. The detail
 * never says why a token was rejected beyond {@code invalid_token}.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final JsonMapper json;
  private final String scheme;

  private ProblemResponses(JsonMapper json, String scheme) {
    this.json = json;
    this.scheme = scheme;
  }

  /** For callers authenticating with a bearer token. */
  static ProblemResponses bearer(JsonMapper json) {
    return new ProblemResponses(json, "Bearer");
  }

  /** For clients authenticating with HTTP Basic (client id and secret). */
  static ProblemResponses basic(JsonMapper json) {
    return new ProblemResponses(json, "Basic");
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    String challenge =
        scheme.equals("Basic")
            ? "Basic realm=\"identity\""
            : e instanceof InvalidBearerTokenException
                ? "Bearer error=\"invalid_token\""
                : "Bearer";
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
    write(
        request,
        response,
        HttpStatus.UNAUTHORIZED,
        scheme.equals("Basic")
            ? "Authenticate as a client with HTTP Basic."
            : "A valid bearer token is required.");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    if (scheme.equals("Bearer")) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
    }
    write(
        request,
        response,
        HttpStatus.FORBIDDEN,
        "The caller lacks the role or scope this operation needs.");
  }

  private void write(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", detail);
    problem.put("instance", request.getRequestURI());
    response.setStatus(status.value());
    response.setContentType("application/problem+json");
    response.getOutputStream().write(json.writeValueAsBytes(problem));
  }
}
