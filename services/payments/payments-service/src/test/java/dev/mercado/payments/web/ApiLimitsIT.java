package dev.mercado.payments.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercado.identity.api.IdentityClaims;
import dev.mercado.identity.api.Role;
import dev.mercado.payments.PaymentsIntegrationTest;
import dev.mercado.testkit.TestIdentity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * R3 inside a service: payments limits each client of its API itself, without the gateway. This
 * caller's token names a client of its own in the test-only tier {@code tiny} (3 calls an hour,
 * sliding log), so no other test shares its count.
 */
class ApiLimitsIT extends PaymentsIntegrationTest {

  private static final HttpClient http = HttpClient.newHttpClient();

  @Test
  void answers429WithRetryAfterOnceAClientIsOverItsLimit() throws Exception {
    String client = "reporting-job-" + UUID.randomUUID();
    TestIdentity identity = TestIdentity.get();
    String token =
        identity.sign(
            identity
                .claims(client, Role.SERVICE)
                .claim(IdentityClaims.CLIENT_ID, client)
                .claim(IdentityClaims.TIER, "tiny")
                .build());

    List<HttpResponse<String>> admitted = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      admitted.add(read(token));
    }
    HttpResponse<String> refused = read(token);
    HttpResponse<String> otherClient = read(identity.serviceToken());

    assertThat(admitted)
        .allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200))
        .allSatisfy(response -> assertThat(response.headers().firstValue("RateLimit")).isPresent());
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(refused.body()).contains("\"status\":429").doesNotContain("Exception");
    assertThat(otherClient.statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> read(String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create(
                    "http://127.0.0.1:" + port + "/api/v1/payments?orderId=" + UUID.randomUUID()))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
