package dev.mercado.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercado.platform.health.internal.HealthDetailsFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** R1: details of the health checks for the operators' token only. */
class HealthDetailsFilterTest {

  private final HealthDetailsFilter filter = new HealthDetailsFilter("s3cret", "HEALTH_DETAILS");

  @Test
  void aHealthRequestWithTheTokenIsAnOperatorWithTheDetailsRole() throws Exception {
    HttpServletRequest seen = pass(request("/actuator/health/readiness", "Bearer s3cret"));

    assertThat(seen.getUserPrincipal()).isNotNull();
    assertThat(seen.isUserInRole("HEALTH_DETAILS")).isTrue();
  }

  @Test
  void aWrongTokenNoTokenOrAnotherPathStaysAnonymous() throws Exception {
    assertThat(pass(request("/actuator/health/readiness", "Bearer guess")).getUserPrincipal())
        .isNull();
    assertThat(pass(request("/actuator/health/readiness", null)).getUserPrincipal()).isNull();
    assertThat(pass(request("/api/v1/orders", "Bearer s3cret")).getUserPrincipal()).isNull();
  }

  @Test
  void aBlankTokenGrantsNothing() throws Exception {
    HealthDetailsFilter closed = new HealthDetailsFilter("", "HEALTH_DETAILS");
    AtomicReference<HttpServletRequest> seen = new AtomicReference<>();

    closed.doFilter(
        request("/actuator/health", "Bearer "),
        new MockHttpServletResponse(),
        (request, response) -> seen.set((HttpServletRequest) request));

    assertThat(seen.get().getUserPrincipal()).isNull();
  }

  private HttpServletRequest pass(MockHttpServletRequest request) throws Exception {
    AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
    filter.doFilter(
        request,
        new MockHttpServletResponse(),
        (passed, response) -> seen.set((HttpServletRequest) passed));
    return seen.get();
  }

  private static MockHttpServletRequest request(String path, String authorization) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    if (authorization != null) {
      request.addHeader("Authorization", authorization);
    }
    return request;
  }
}
