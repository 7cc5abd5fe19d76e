package dev.mercado.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import dev.mercado.identity.RunningIdentity;
import dev.mercado.identity.api.DemoClients;
import dev.mercado.identity.api.IdentityEndpoints;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Rotating the signing key costs no downtime: tokens signed before keep verifying against the JWKS,
 * which publishes the old key beside the new one, and new tokens carry the new key's id.
 */
class KeyRotationIT extends RunningIdentity {

  @Test
  void keepsVerifyingTokensOfThePreviousKeyAfterARotation() throws Exception {
    String before = clientToken(DemoClients.PARTNER_FREE, DemoClients.PARTNER_FREE_SECRET);
    // a resource server as the gateway would configure it, which caches the JWKS
    JwtDecoder resourceServer =
        NimbusJwtDecoder.withJwkSetUri(url(IdentityEndpoints.JWKS).toString()).build();
    resourceServer.decode(before);

    HttpResponse<String> rotated = rotateAsAdmin();

    assertThat(rotated.statusCode()).isEqualTo(200);
    String activeKid = json(rotated).get("activeKid").asString();
    assertThat(json(rotated).get("retiredKid").asString()).isEqualTo(keyIdOf(before));
    assertThat(jwks().getKeys())
        .extracting(JWK::getKeyID)
        .hasSizeGreaterThanOrEqualTo(2)
        .contains(activeKid, keyIdOf(before));
    assertThat(jwks().getKeys()).noneMatch(JWK::isPrivate);
    assertThat(verifiedClaims(before).getSubject()).isEqualTo("partner-free");
    assertThat(resourceServer.decode(before).getSubject()).isEqualTo("partner-free");

    String after = clientToken(DemoClients.PARTNER_FREE, DemoClients.PARTNER_FREE_SECRET);
    assertThat(keyIdOf(after)).isEqualTo(activeKid).isNotEqualTo(keyIdOf(before));
    assertThat(verifiedClaims(after).getSubject()).isEqualTo("partner-free");
    // the cached JWKS lacks the new key: the decoder fetches it again on the unknown kid
    Jwt decoded = resourceServer.decode(after);
    assertThat(decoded.getExpiresAt()).isAfter(Instant.now());
  }

  @Test
  void refusesARotationWithoutTheAdminRole() throws Exception {
    String partner = clientToken(DemoClients.PARTNER_PREMIUM, DemoClients.PARTNER_PREMIUM_SECRET);

    HttpResponse<String> forbidden = postWithToken(IdentityEndpoints.ROTATE_KEYS, partner);
    HttpResponse<String> anonymous =
        HTTP.send(
            request(IdentityEndpoints.ROTATE_KEYS)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(json(anonymous).get("status").asInt()).isEqualTo(401);
  }

  @Test
  void refusesAForgedToken() throws Exception {
    String token = clientToken(DemoClients.ADMIN_CLI, DemoClients.ADMIN_CLI_SECRET);
    String[] parts = token.split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

    HttpResponse<String> response = postWithToken(IdentityEndpoints.ROTATE_KEYS, forged);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer error=\"invalid_token\"");
  }

  private HttpResponse<String> rotateAsAdmin() throws Exception {
    String admin = clientToken(DemoClients.ADMIN_CLI, DemoClients.ADMIN_CLI_SECRET);
    return postWithToken(IdentityEndpoints.ROTATE_KEYS, admin);
  }
}
