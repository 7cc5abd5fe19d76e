package dev.mercado.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercado.identity.RunningIdentity;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The API chain lets requests to unmapped paths through (so they answer 404 like everywhere else);
 * this guards the other side of that choice: every mapped path under {@code /api/} refuses a
 * request without credentials, including controllers added later without a security rule.
 */
class ApiSecurityIT extends RunningIdentity {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  private RequestMappingHandlerMapping mappings;

  @Test
  void refusesAnonymousRequestsToEveryApiEndpoint() throws Exception {
    List<String> checked = new ArrayList<>();
    for (var mapping : mappings.getHandlerMethods().keySet()) {
      for (String pattern : mapping.getPatternValues()) {
        if (!pattern.startsWith("/api/")) {
          continue;
        }
        String path = pattern.replaceAll("\\{[^}]+}", "0000");
        for (RequestMethod method : mapping.getMethodsCondition().getMethods()) {
          HttpResponse<String> response =
              HTTP.send(
                  request(path)
                      .header("Content-Type", "application/json")
                      .method(method.name(), HttpRequest.BodyPublishers.ofString("{}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          assertThat(response.statusCode()).as(method + " " + path).isEqualTo(401);
          checked.add(method + " " + path);
        }
      }
    }
    assertThat(checked)
        .contains(
            "POST /api/v1/identity/admin/keys/rotate",
            "GET /api/v1/identity/api-keys/0000",
            "POST /api/v1/identity/dev/tokens");
  }
}
