package dev.mercado.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * What every running Mercado service answers, whatever its domain (R1, F3, F9): public liveness and
 * readiness probes (readiness includes the service's own database when it has one), an OpenAPI
 * document, and RFC 9457 problem details for an unknown path under its API prefix (asked with an
 * admin token where the service checks tokens: register {@link TestIdentity} for those).
 *
 * <p>Extend it from a {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} test of the service.
 */
@TestPropertySource(
    properties = "mercado.health.details-token=" + RunningServiceContract.DETAILS_TOKEN)
public abstract class RunningServiceContract {

  /** The operators' token the contract's services run with. */
  static final String DETAILS_TOKEN = "contract-details-token";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Value("${local.server.port}")
  private int port;

  @Value("${spring.application.name}")
  private String service;

  /** Set for services that check tokens themselves (platform-security), e.g. to TestIdentity. */
  @Value("${mercado.security.identity-url:}")
  private String identity;

  /** Whether the service owns a database, which its readiness then includes. */
  protected boolean ownsDatabase() {
    return true;
  }

  protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return get(path, null);
  }

  /**
   * {@link #get} as an operator: with an admin token of {@link TestIdentity} when the service
   * checks tokens against it, so that a 404 is about the path, not about the missing token.
   */
  protected HttpResponse<String> getAsAdmin(String path) throws IOException, InterruptedException {
    boolean checksTokens = !identity.isBlank() && identity.equals(TestIdentity.get().url());
    return get(path, checksTokens ? TestIdentity.get().adminToken() : null);
  }

  /** {@link #get} with {@code Authorization: Bearer <token>}, or without when it is null. */
  protected HttpResponse<String> get(String path, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void livenessIsUp() throws Exception {
    HttpResponse<String> response = get("/actuator/health/liveness");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"UP\"");
  }

  @Test
  void readinessIsUpAndIncludesItsDatabase() throws Exception {
    HttpResponse<String> response = get("/actuator/health/readiness");

    assertThat(response.statusCode()).isEqualTo(200);
    if (ownsDatabase()) {
      // the public view is the aggregate; the operators' token shows each check (R1)
      assertThat(response.body()).doesNotContain("\"db\"");
      HttpResponse<String> details = get("/actuator/health/readiness", DETAILS_TOKEN);
      assertThat(details.body()).contains("\"db\"", "\"checkedAt\"", "\"durationMs\"");
    }
  }

  @Test
  void publishesItsOpenApiDocument() throws Exception {
    HttpResponse<String> response = get("/v3/api-docs");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"openapi\"");
  }

  @Test
  void answersAnUnknownPathWithProblemDetails() throws Exception {
    HttpResponse<String> response = getAsAdmin("/api/v1/" + service + "/no/such/resource");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
