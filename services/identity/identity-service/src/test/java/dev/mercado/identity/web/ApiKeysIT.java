package dev.mercado.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercado.identity.RunningIdentity;
import dev.mercado.identity.api.ApiKeyHash;
import dev.mercado.identity.api.DemoClients;
import dev.mercado.identity.api.IdentityEndpoints;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The gateway resolves partners' API keys by their SHA-256 with its own client's token. */
class ApiKeysIT extends RunningIdentity {

  @Test
  void resolvesEachPartnersDemoKeyToItsClientAndTier() throws Exception {
    String gateway = clientToken(DemoClients.GATEWAY, DemoClients.GATEWAY_SECRET);

    HttpResponse<String> free = lookUp(DemoClients.PARTNER_FREE_API_KEY, gateway);
    HttpResponse<String> premium = lookUp(DemoClients.PARTNER_PREMIUM_API_KEY, gateway);

    assertThat(free.statusCode()).isEqualTo(200);
    assertThat(json(free).get("clientId").asString()).isEqualTo("partner-free");
    assertThat(json(free).get("tier").asString()).isEqualTo("free");
    assertThat(json(premium).get("clientId").asString()).isEqualTo("partner-premium");
    assertThat(json(premium).get("tier").asString()).isEqualTo("premium");
  }

  @Test
  void answersAnUnknownKeyWith404ProblemDetails() throws Exception {
    String gateway = clientToken(DemoClients.GATEWAY, DemoClients.GATEWAY_SECRET);

    HttpResponse<String> response = lookUp("mk_no_such_key", gateway);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json(response).get("title").asString()).isEqualTo("API key not found");
  }

  @Test
  void answersAMalformedHashWith400NamingIt() throws Exception {
    String gateway = clientToken(DemoClients.GATEWAY, DemoClients.GATEWAY_SECRET);

    HttpResponse<String> response =
        getWithToken(IdentityEndpoints.API_KEYS + "/not-a-hash", gateway);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("errors").get(0).get("field").asString()).isEqualTo("sha256");
  }

  @Test
  void refusesClientsWithoutTheApiKeyScope() throws Exception {
    String partner = clientToken(DemoClients.PARTNER_PREMIUM, DemoClients.PARTNER_PREMIUM_SECRET);

    HttpResponse<String> response = lookUp(DemoClients.PARTNER_FREE_API_KEY, partner);

    assertThat(response.statusCode()).isEqualTo(403);
  }

  private HttpResponse<String> lookUp(String apiKey, String token) throws Exception {
    return getWithToken(IdentityEndpoints.API_KEYS + "/" + ApiKeyHash.of(apiKey), token);
  }
}
