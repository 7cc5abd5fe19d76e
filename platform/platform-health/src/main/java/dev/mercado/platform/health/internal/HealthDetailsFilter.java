package dev.mercado.platform.health.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;

/**
 * Lets a health request that carries the operators' token see the details: it then has a principal
 * and the role {@code role}, which Actuator's {@code show-details: when-authorized} asks for. Any
 * other request is passed on unchanged and sees the aggregate only. The token is compared in
 * constant time.
 */
public final class HealthDetailsFilter implements Filter {

  private final byte[] token;
  private final String role;

  public HealthDetailsFilter(String token, String role) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.role = role;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request instanceof HttpServletRequest http && authorized(http)) {
      chain.doFilter(new Operator(http, role), response);
    } else {
      chain.doFilter(request, response);
    }
  }

  private boolean authorized(HttpServletRequest request) {
    if (token.length == 0 || !request.getRequestURI().startsWith("/actuator/health")) {
      return false;
    }
    String header = request.getHeader("Authorization");
    if (header == null || !header.startsWith("Bearer ")) {
      return false;
    }
    return MessageDigest.isEqual(
        token, header.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8));
  }

  private static final class Operator extends HttpServletRequestWrapper {

    private final String role;

    Operator(HttpServletRequest request, String role) {
      super(request);
      this.role = role;
    }

    @Override
    public Principal getUserPrincipal() {
      return () -> "operator";
    }

    @Override
    public boolean isUserInRole(String candidate) {
      return role.equals(candidate);
    }
  }
}
