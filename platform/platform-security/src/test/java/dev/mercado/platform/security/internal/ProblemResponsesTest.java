package dev.mercado.platform.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class ProblemResponsesTest {

  private final ProblemResponses problems = new ProblemResponses();
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
        request, response, new InvalidBearerTokenException("Jwt expired at 2026-11-26T10:00:00Z"));

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
