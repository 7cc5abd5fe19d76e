package dev.mercado.platform.problems;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * A servlet security chain's refusals as problem details ({@link ProblemJson}), never a stack trace
 * or a login page: 401 with a challenge — RFC 6750 for bearer tokens, with {@code
 * error="invalid_token"} when a token was sent but refused, or RFC 7617 for HTTP Basic — and 403,
 * with {@code error="insufficient_scope"} for bearer tokens. Used by every service's resource
 * server (platform-security) and by identity's chains. Stateless and thread-safe.
 */
public final class AccessProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final String basicRealm;

  private AccessProblems(String basicRealm) {
    this.basicRealm = basicRealm;
  }

  /** For callers that authenticate with a bearer token. */
  public static AccessProblems bearer() {
    return new AccessProblems(null);
  }

  /** For clients that authenticate with HTTP Basic (a client id and secret) in {@code realm}. */
  public static AccessProblems basic(String realm) {
    return new AccessProblems(realm);
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    boolean tokenRefused = failure instanceof OAuth2AuthenticationException;
    String challenge;
    if (basicRealm != null) {
      challenge = "Basic realm=\"" + basicRealm + "\"";
    } else {
      challenge = tokenRefused ? "Bearer error=\"invalid_token\"" : "Bearer";
    }
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
    write(request, response, HttpStatus.UNAUTHORIZED, unauthorized(failure));
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    if (basicRealm == null) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
    }
    write(request, response, HttpStatus.FORBIDDEN, forbidden(denied));
  }

  /**
   * A request Spring Security's firewall refused once a controller read it (a parameter name or
   * value it does not allow, e.g. a form body of arbitrary text): the caller's input, a 400.
   */
  public void rejected(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    write(
        request,
        response,
        HttpStatus.BAD_REQUEST,
        "The request has a parameter, header or path this service does not accept.");
  }

  private String unauthorized(AuthenticationException failure) {
    if (failure instanceof OAuth2AuthenticationException refused) {
      // the error's description says what was wrong (expired, bad signature, wrong issuer)
      String reason = refused.getError().getDescription();
      return "The access token is expired or not valid ("
          + (reason == null ? refused.getMessage() : reason)
          + ").";
    }
    return basicRealm != null
        ? "Authenticate as a client with HTTP Basic (client id and secret)."
        : "This request needs an access token from identity (Authorization: Bearer).";
  }

  private static String forbidden(AccessDeniedException denied) {
    String reason = denied.getMessage();
    // Spring Security's own message says nothing the caller can act on
    return reason == null || reason.equals("Access Denied")
        ? "The caller is authenticated but not allowed to do this."
        : reason;
  }

  private static void write(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    ProblemJson.write(response, ProblemJson.of(status, null, detail, request.getRequestURI()));
  }
}
