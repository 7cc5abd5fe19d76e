package dev.mercado.platform.problems;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/** The 401, 403 and 400 answers of a servlet security chain (R5). */
class AccessProblemsTest {

  private final AccessProblems problems = AccessProblems.bearer();
  private final MockHttpServletRequest request =
      new MockHttpServletRequest("GET", "/api/v1/orders/42");
  private final MockHttpServletResponse response = new MockHttpServletResponse();

  @Test
  void answersAMissingTokenWith401ProblemAndABearerChallenge() throws Exception {
    problems.commence(request, response, new InsufficientAuthenticationException("none"));

    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
    assertThat(response.getContentAsString())
        .contains(
            "\"status\":401", "\"title\":\"Unauthorized\"", "\"instance\":\"/api/v1/orders/42\"");
  }

  @Test
  void answersARefusedTokenWithInvalidTokenAndNoInternals() throws Exception {
    problems.commence(
        request,
        response,
        new OAuth2AuthenticationException(
            new OAuth2Error("invalid_token", "Jwt expired at 2026-11-26T10:00:00Z", null)));

    assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    assertThat(response.getContentAsString())
        .contains("(Jwt expired at 2026-11-26T10:00:00Z)")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void answersADenialWith403ProblemSayingWhy() throws Exception {
    problems.handle(request, response, new AccessDeniedException("another customer's order"));

    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getContentAsString())
        .contains("\"status\":403", "\"title\":\"Forbidden\"", "another customer's order");
    assertThat(response.getHeader("WWW-Authenticate"))
        .isEqualTo("Bearer error=\"insufficient_scope\"");
  }

  @Test
  void challengesAClientWithoutCredentialsToUseHttpBasic() throws Exception {
    AccessProblems.basic("identity")
        .commence(request, response, new BadCredentialsException("no such client"));

    assertThat(response.getStatus()).isEqualTo(401);
    assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"identity\"");
    assertThat(response.getContentAsString())
        .contains("HTTP Basic")
        .doesNotContain("no such client");
  }

  @Test
  void deniesABasicClientWithoutABearerChallenge() throws Exception {
    AccessProblems.basic("identity")
        .handle(request, response, new AccessDeniedException("Access Denied"));

    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(response.getHeader("WWW-Authenticate")).isNull();
    assertThat(response.getContentAsString()).contains("not allowed to do this");
  }

  @Test
  void answersARequestTheFirewallRejectedWith400ProblemWithoutInternals() throws Exception {
    problems.rejected(request, response);

    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getContentAsString())
        .contains("\"status\":400", "\"title\":\"Bad Request\"")
        .doesNotContain("Exception");
  }
}
