package dev.mercado.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.mercado.identity.RunningIdentity;
import dev.mercado.identity.api.DemoClients;
import dev.mercado.identity.api.DemoCustomers;
import dev.mercado.identity.api.IdentityEndpoints;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * With dev tokens enabled, scripts get a demo customer's token without a browser: authenticated as
 * dev-scripts, for demo customers only. (Disabled, the endpoint does not exist: {@code
 * IdentityServiceIT}.)
 */
class DevTokensIT extends RunningIdentity {

  @Test
  void mintsACustomerTokenForAlice() throws Exception {
    HttpResponse<String> response = devToken("{\"username\": \"alice\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("token_type").asString()).isEqualTo("Bearer");
    assertThat(json(response).get("expires_in").asLong()).isEqualTo(300);
    assertThat(json(response).get("scope").asString())
        .isEqualTo("catalog:read orders:read orders:write");
    JWTClaimsSet claims = verifiedClaims(json(response).get("access_token").asString());
    assertThat(claims.getSubject()).isEqualTo(DemoCustomers.ALICE_ID.toString());
    assertThat(claims.getStringClaim("customer_id")).isEqualTo(DemoCustomers.ALICE_ID.toString());
    assertThat(claims.getStringListClaim("roles")).containsExactly("customer");
    assertThat(claims.getStringClaim("client_id")).isEqualTo(DemoClients.DEV_SCRIPTS);
    assertThat(claims.getIssuer()).isEqualTo("http://127.0.0.1:8085");
  }

  @Test
  void answersAnUnknownUserWith400ProblemDetails() throws Exception {
    HttpResponse<String> response = devToken("{\"username\": \"mallory\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json(response).get("errors").get(0).get("field").asString()).isEqualTo("username");
  }

  @Test
  void neverMintsATokenForTheAdministrator() throws Exception {
    HttpResponse<String> response = devToken("{\"username\": \"admin\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("errors").get(0).get("field").asString()).isEqualTo("username");
  }

  @Test
  void answersAMissingUsernameWith400() throws Exception {
    HttpResponse<String> response = devToken("{}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("errors").get(0).get("field").asString()).isEqualTo("username");
  }

  @Test
  void refusesAWrongClientSecretWith401() throws Exception {
    HttpResponse<String> response =
        postJson(
            IdentityEndpoints.DEV_TOKENS,
            "{\"username\": \"alice\"}",
            DemoClients.DEV_SCRIPTS,
            "wrong");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue("Basic realm=\"identity\"");
  }

  @Test
  void refusesOtherClientsAndCustomersPasswords() throws Exception {
    HttpResponse<String> partner =
        postJson(
            IdentityEndpoints.DEV_TOKENS,
            "{\"username\": \"alice\"}",
            DemoClients.PARTNER_FREE,
            DemoClients.PARTNER_FREE_SECRET);
    HttpResponse<String> customer =
        postJson(
            IdentityEndpoints.DEV_TOKENS,
            "{\"username\": \"alice\"}",
            DemoCustomers.ALICE,
            DemoCustomers.ALICE_PASSWORD);

    assertThat(partner.statusCode()).isEqualTo(401);
    assertThat(customer.statusCode()).isEqualTo(401);
  }

  private HttpResponse<String> devToken(String body) throws Exception {
    return postJson(
        IdentityEndpoints.DEV_TOKENS,
        body,
        DemoClients.DEV_SCRIPTS,
        DemoClients.DEV_SCRIPTS_SECRET);
  }
}
