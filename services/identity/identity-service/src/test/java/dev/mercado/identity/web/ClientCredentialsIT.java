package dev.mercado.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.mercado.identity.RunningIdentity;
import dev.mercado.identity.api.DemoClients;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Machine clients get signed JWTs with the client-credentials grant: the token names the client,
 * its roles and its tier, and verifies with the published JWKS.
 */
class ClientCredentialsIT extends RunningIdentity {

  @Test
  void givesAFreePartnerATokenWithTheFreeTier() throws Exception {
    String token = clientToken(DemoClients.PARTNER_FREE, DemoClients.PARTNER_FREE_SECRET);

    JWTClaimsSet claims = verifiedClaims(token);

    assertThat(claims.getSubject()).isEqualTo("partner-free");
    assertThat(claims.getStringClaim("client_id")).isEqualTo("partner-free");
    assertThat(claims.getStringClaim("tier")).isEqualTo("free");
    assertThat(claims.getStringListClaim("roles")).containsExactly("partner");
    assertThat(claims.getStringListClaim("scope"))
        .containsExactlyInAnyOrder("catalog:read", "orders:write");
    assertThat(claims.getIssuer()).isEqualTo("http://127.0.0.1:8085");
    assertThat(claims.getAudience()).containsExactly("partner-free");
    assertThat(claims.getClaim("customer_id")).isNull();
  }

  @Test
  void givesAPremiumPartnerATokenWithThePremiumTier() throws Exception {
    String token = clientToken(DemoClients.PARTNER_PREMIUM, DemoClients.PARTNER_PREMIUM_SECRET);

    JWTClaimsSet claims = verifiedClaims(token);

    assertThat(claims.getSubject()).isEqualTo("partner-premium");
    assertThat(claims.getStringClaim("tier")).isEqualTo("premium");
  }

  @Test
  void issuesTokensValidForFiveMinutes() throws Exception {
    HttpResponse<String> response =
        tokenRequest(
            DemoClients.PARTNER_FREE,
            DemoClients.PARTNER_FREE_SECRET,
            Map.of("grant_type", "client_credentials"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("token_type").asString()).isEqualTo("Bearer");
    assertThat(json(response).get("expires_in").asLong()).isBetween(298L, 300L);
    JWTClaimsSet claims = verifiedClaims(json(response).get("access_token").asString());
    Date issued = claims.getIssueTime();
    assertThat(claims.getExpirationTime().getTime() - issued.getTime()).isEqualTo(300_000L);
  }

  @Test
  void grantsEveryRegisteredScopeWhenNoneIsAsked() throws Exception {
    HttpResponse<String> response =
        tokenRequest(
            DemoClients.GATEWAY,
            DemoClients.GATEWAY_SECRET,
            Map.of("grant_type", "client_credentials"));

    assertThat(json(response).get("scope").asString()).isEqualTo("identity:api-keys");
  }

  @Test
  void grantsOnlyTheScopesAsked() throws Exception {
    HttpResponse<String> response =
        tokenRequest(
            DemoClients.PARTNER_FREE,
            DemoClients.PARTNER_FREE_SECRET,
            Map.of("grant_type", "client_credentials", "scope", "catalog:read"));

    JWTClaimsSet claims = verifiedClaims(json(response).get("access_token").asString());
    assertThat(claims.getStringListClaim("scope")).containsExactly("catalog:read");
  }

  @Test
  void refusesAScopeTheClientIsNotRegisteredFor() throws Exception {
    HttpResponse<String> response =
        tokenRequest(
            DemoClients.PARTNER_FREE,
            DemoClients.PARTNER_FREE_SECRET,
            Map.of("grant_type", "client_credentials", "scope", "catalog:write"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").asString()).isEqualTo("invalid_scope");
  }

  @Test
  void givesTheOperatorsClientTheAdminRoleWithoutATier() throws Exception {
    JWTClaimsSet claims =
        verifiedClaims(clientToken(DemoClients.ADMIN_CLI, DemoClients.ADMIN_CLI_SECRET));

    assertThat(claims.getStringListClaim("roles")).containsExactly("admin");
    assertThat(claims.getClaim("tier")).isNull();
  }

  @Test
  void refusesAWrongSecretWith401() throws Exception {
    HttpResponse<String> response =
        tokenRequest(
            DemoClients.PARTNER_FREE, "not-the-secret", Map.of("grant_type", "client_credentials"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response).get("error").asString()).isEqualTo("invalid_client");
  }

  @Test
  void refusesAnUnknownClientWith401() throws Exception {
    HttpResponse<String> response =
        tokenRequest("no-such-client", "secret", Map.of("grant_type", "client_credentials"));

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void refusesTheClientCredentialsGrantToTheDevScriptsClient() throws Exception {
    HttpResponse<String> response =
        tokenRequest(
            DemoClients.DEV_SCRIPTS,
            DemoClients.DEV_SCRIPTS_SECRET,
            Map.of("grant_type", "client_credentials"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").asString()).isEqualTo("unauthorized_client");
  }

  @Test
  void publishesItsMetadataWithTheConfiguredIssuer() throws Exception {
    HttpResponse<String> response = get("/.well-known/oauth-authorization-server");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("issuer").asString()).isEqualTo("http://127.0.0.1:8085");
    assertThat(json(response).get("jwks_uri").asString())
        .isEqualTo("http://127.0.0.1:8085/oauth2/jwks");
  }
}
