package dev.mercado.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercado.identity.api.DemoClients;
import dev.mercado.identity.api.IdentityEndpoints;
import dev.mercado.testkit.Infrastructure;
import dev.mercado.testkit.RunningServiceContract;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Identity as it runs by default: what every service answers (probes, OpenAPI, problem details),
 * and dev tokens are off — the endpoint does not exist and the dev-scripts client is not
 * registered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityServiceIT extends RunningServiceContract {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "identity");
  }

  @Value("${local.server.port}")
  private int port;

  @Test
  void hasNoDevTokenEndpointByDefault() throws Exception {
    HttpResponse<String> response =
        post(
            IdentityEndpoints.DEV_TOKENS,
            "application/json",
            "{\"username\": \"alice\"}",
            DemoClients.DEV_SCRIPTS,
            DemoClients.DEV_SCRIPTS_SECRET);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  @Test
  void doesNotRegisterTheDevScriptsClientByDefault() throws Exception {
    HttpResponse<String> response =
        post(
            IdentityEndpoints.TOKEN,
            "application/x-www-form-urlencoded",
            "grant_type=client_credentials",
            DemoClients.DEV_SCRIPTS,
            DemoClients.DEV_SCRIPTS_SECRET);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("invalid_client");
  }

  @Test
  void publishesItsSigningKeyWithoutThePrivateHalf() throws Exception {
    HttpResponse<String> response = get(IdentityEndpoints.JWKS);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"kty\":\"RSA\"", "\"alg\":\"RS256\"", "\"kid\"");
    assertThat(response.body()).doesNotContain("\"d\":");
  }

  private HttpResponse<String> post(
      String path, String contentType, String body, String user, String password) throws Exception {
    String credentials =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", contentType)
            .header("Authorization", "Basic " + credentials)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
