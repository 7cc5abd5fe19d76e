package dev.mercado.platform.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The 401 and 403 answers, as RFC 9457 problem details ({@code application/problem+json} with
 * {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}), never a stack
 * trace. A 401 carries {@code WWW-Authenticate: Bearer} (RFC 6750), with {@code
 * error="invalid_token"} when a token was sent but refused.
 */
public final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String UNAUTHORIZED_TITLE = "Unauthorized";
  static final String FORBIDDEN_TITLE = "Forbidden";

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    boolean tokenRefused = failure instanceof OAuth2AuthenticationException;
    response.setHeader(
        HttpHeaders.WWW_AUTHENTICATE, tokenRefused ? "Bearer error=\"invalid_token\"" : "Bearer");
    write(response, HttpStatus.UNAUTHORIZED, UNAUTHORIZED_TITLE, unauthorized(failure), request);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    write(response, HttpStatus.FORBIDDEN, FORBIDDEN_TITLE, forbidden(denied), request);
  }

  /**
   * A request Spring Security's firewall refused once a controller read it (a parameter name or
   * value it does not allow, e.g. a form body of arbitrary text): the caller's input, a 400.
   */
  public void rejected(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    write(
        response,
        HttpStatus.BAD_REQUEST,
        "Bad Request",
        "The request has a parameter, header or path this service does not accept.",
        request);
  }

  static String unauthorized(AuthenticationException failure) {
    if (failure instanceof OAuth2AuthenticationException refused) {
      // the error's description says what was wrong (expired, bad signature, wrong issuer)
      String reason = refused.getError().getDescription();
      return "The access token is expired or not valid ("
          + (reason == null ? refused.getMessage() : reason)
          + ").";
    }
    return "This request needs an access token from identity (Authorization: Bearer).";
  }

  static String forbidden(AccessDeniedException denied) {
    String reason = denied.getMessage();
    // Spring Security's own message says nothing the caller can act on
    return reason == null || reason.equals("Access Denied")
        ? "The caller is authenticated but not allowed to do this."
        : reason;
  }

  private static void write(
      HttpServletResponse response,
      HttpStatus status,
      String title,
      String detail,
      HttpServletRequest request)
      throws IOException {
    String body =
        "{\"type\":\"about:blank\",\"title\":\""
            + json(title)
            + "\",\"status\":"
            + status.value()
            + ",\"detail\":\""
            + json(detail)
            + "\",\"instance\":\""
            + json(request.getRequestURI())
            + "\"}";
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(body);
  }

  private static String json(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 8);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> escaped.append("\\\"");
        case '\\' -> escaped.append("\\\\");
        default -> {
          if (c < 0x20) {
            escaped.append(String.format("\\u%04x", (int) c));
          } else {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }
}
