package dev.mercado.payments.web;

import dev.mercado.identity.api.IdentityClaims;
import dev.mercado.platform.problems.ProblemJson;
import dev.mercado.platform.ratelimit.Decision;
import dev.mercado.platform.ratelimit.RateLimitHeaders;
import dev.mercado.platform.ratelimit.RateLimitProblem;
import dev.mercado.platform.ratelimit.RateLimits;
import dev.mercado.platform.ratelimit.Requester;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * R3 inside a service: every authenticated call of payments' API counts against its caller's client
 * under the policy {@value #POLICY} ({@code mercado.ratelimit.policies.payments-api}: 100 a second,
 * bursts of 200), wherever it came from — through the gateway or straight from another process. A
 * caller over its limit gets 429 problem details with {@code Retry-After}; an admitted answer
 * carries the IETF {@code RateLimit} and {@code RateLimit-Policy} fields. Runs after Spring
 * Security (a {@code @Component} filter comes after its chain), so anonymous calls were already
 * answered 401 and the caller is known.
 */
@Component
class ApiLimits extends OncePerRequestFilter {

  static final String POLICY = "payments-api";

  private final RateLimits limits;

  ApiLimits(RateLimits limits) {
    this.limits = limits;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof JwtAuthenticationToken token)) {
      chain.doFilter(request, response);
      return;
    }
    String client = token.getToken().getClaimAsString(IdentityClaims.CLIENT_ID);
    Decision decision =
        limits.check(
            POLICY,
            new Requester(
                token.getToken().getSubject(),
                request.getRemoteAddr(),
                null,
                client == null ? token.getToken().getSubject() : client,
                token.getToken().getClaimAsString(IdentityClaims.TIER)));
    RateLimitHeaders.of(decision).forEach(response::setHeader);
    if (decision.allowed()) {
      chain.doFilter(request, response);
      return;
    }
    ProblemJson.write(
        response, RateLimitProblem.of(decision).toProblemDetail(request.getRequestURI()));
  }
}
