package dev.mercado.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.mercado.identity.RunningIdentity;
import dev.mercado.identity.api.DemoClients;
import dev.mercado.identity.api.DemoCustomers;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A customer signs in through shop-web with the authorization code flow and PKCE, end to end over
 * HTTP the way a browser does it: the authorization request is sent to the login form, the form is
 * posted with its CSRF token, the browser is sent back to the authorization endpoint and then to
 * the redirect URI with a code, which the client exchanges with the code verifier.
 */
class AuthorizationCodeFlowIT extends RunningIdentity {

  private static final Pattern CSRF =
      Pattern.compile(
          "name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
  private static final String SCOPES = "openid profile catalog:read orders:write";

  @Test
  void signsInACustomerAndIssuesHerTokens() throws Exception {
    Browser browser = new Browser();
    String verifier = newVerifier();

    String code =
        browser.authorize(challengeOf(verifier), DemoCustomers.ALICE, DemoCustomers.ALICE_PASSWORD);
    HttpResponse<String> response = exchange(code, verifier);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).has("refresh_token")).isFalse(); // a public client gets none
    JWTClaimsSet access = verifiedClaims(json(response).get("access_token").asString());
    assertThat(access.getSubject()).isEqualTo(DemoCustomers.ALICE_ID.toString());
    assertThat(access.getStringClaim("customer_id")).isEqualTo(DemoCustomers.ALICE_ID.toString());
    assertThat(access.getStringClaim("preferred_username")).isEqualTo("alice");
    assertThat(access.getStringListClaim("roles")).containsExactly("customer");
    assertThat(access.getStringClaim("client_id")).isEqualTo("shop-web");
    assertThat(access.getStringListClaim("scope"))
        .containsExactlyInAnyOrder("openid", "profile", "catalog:read", "orders:write");
    assertThat(access.getClaim("tier")).isNull();
    JWTClaimsSet id = verifiedClaims(json(response).get("id_token").asString());
    assertThat(id.getSubject()).isEqualTo(DemoCustomers.ALICE_ID.toString());
    assertThat(id.getAudience()).containsExactly("shop-web");
  }

  @Test
  void givesTheAdministratorTheAdminRole() throws Exception {
    String verifier = newVerifier();

    String code =
        new Browser()
            .authorize(challengeOf(verifier), DemoCustomers.ADMIN, DemoCustomers.ADMIN_PASSWORD);

    JWTClaimsSet access =
        verifiedClaims(json(exchange(code, verifier)).get("access_token").asString());
    assertThat(access.getStringListClaim("roles")).containsExactly("admin");
    assertThat(access.getSubject()).isEqualTo(DemoCustomers.ADMIN_ID.toString());
  }

  @Test
  void rejectsACodeExchangedWithoutTheVerifier() throws Exception {
    String verifier = newVerifier();
    String code =
        new Browser()
            .authorize(challengeOf(verifier), DemoCustomers.BOB, DemoCustomers.BOB_PASSWORD);

    HttpResponse<String> response =
        send(
            Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "redirect_uri",
                DemoClients.SHOP_WEB_REDIRECT_URI,
                "client_id",
                DemoClients.SHOP_WEB));

    // without a verifier a public client cannot even authenticate
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).doesNotContain("access_token");
  }

  @Test
  void rejectsACodeExchangedWithAnotherVerifier() throws Exception {
    String code =
        new Browser()
            .authorize(challengeOf(newVerifier()), DemoCustomers.BOB, DemoCustomers.BOB_PASSWORD);

    HttpResponse<String> response = exchange(code, newVerifier());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("error").asString()).isEqualTo("invalid_grant");
  }

  @Test
  void refusesAnAuthorizationRequestWithoutCodeChallenge() throws Exception {
    Browser browser = new Browser();
    browser.authorize(challengeOf(newVerifier()), DemoCustomers.BOB, DemoCustomers.BOB_PASSWORD);

    HttpResponse<String> response = browser.get(authorizationRequest(null));

    assertThat(response.statusCode()).isEqualTo(302);
    Map<String, String> callback = query(location(response));
    assertThat(callback).containsEntry("error", "invalid_request").doesNotContainKey("code");
  }

  @Test
  void sendsABrowserThatIsNotSignedInToTheLoginForm() throws Exception {
    HttpResponse<String> response =
        new Browser().get(authorizationRequest(challengeOf(newVerifier())));

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(location(response).getPath()).isEqualTo("/login");
  }

  @Test
  void rejectsAWrongPassword() throws Exception {
    Browser browser = new Browser();
    browser.get(authorizationRequest(challengeOf(newVerifier())));

    HttpResponse<String> response = browser.signIn(DemoCustomers.ALICE, "wrong-password");

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(location(response).getPath()).isEqualTo("/login");
    assertThat(location(response).getQuery()).isEqualTo("error");
  }

  private HttpResponse<String> exchange(String code, String verifier) throws Exception {
    return send(
        Map.of(
            "grant_type",
            "authorization_code",
            "code",
            code,
            "redirect_uri",
            DemoClients.SHOP_WEB_REDIRECT_URI,
            "client_id",
            DemoClients.SHOP_WEB,
            "code_verifier",
            verifier));
  }

  private HttpResponse<String> send(Map<String, String> form) throws Exception {
    return HTTP.send(
        request("/oauth2/token")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(form)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI authorizationRequest(String challenge) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("response_type", "code");
    parameters.put("client_id", DemoClients.SHOP_WEB);
    parameters.put("redirect_uri", DemoClients.SHOP_WEB_REDIRECT_URI);
    parameters.put("scope", SCOPES);
    parameters.put("state", "state-" + newVerifier().substring(0, 8));
    if (challenge != null) {
      parameters.put("code_challenge", challenge);
      parameters.put("code_challenge_method", "S256");
    }
    return url("/oauth2/authorize?" + form(parameters));
  }

  private static URI location(HttpResponse<String> response) {
    return response
        .uri()
        .resolve(
            response
                .headers()
                .firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location")));
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> parameters = new LinkedHashMap<>();
    UriComponentsBuilder.fromUri(uri)
        .build()
        .getQueryParams()
        .forEach((name, values) -> parameters.put(name, values.get(0)));
    return parameters;
  }

  private static String newVerifier() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  private static String challengeOf(String verifier) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }

  /** A browser: keeps its session cookie, follows redirects on identity itself only. */
  private final class Browser {

    private final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    HttpResponse<String> get(URI uri) throws Exception {
      return http.send(
          HttpRequest.newBuilder(uri)
              .header("Accept", "text/html")
              .timeout(Duration.ofSeconds(10))
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> signIn(String username, String password) throws Exception {
      HttpResponse<String> page = get(url("/login"));
      assertThat(page.statusCode()).isEqualTo(200);
      Matcher csrf = CSRF.matcher(page.body());
      assertThat(csrf.find()).as("the login form has a CSRF token").isTrue();
      String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
      return http.send(
          HttpRequest.newBuilder(url("/login"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("Accept", "text/html")
              .timeout(Duration.ofSeconds(10))
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      form(Map.of("username", username, "password", password, "_csrf", token))))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    /** Runs the flow up to the redirect to shop-web; answers the authorization code. */
    String authorize(String challenge, String username, String password) throws Exception {
      URI request = authorizationRequest(challenge);
      String state = query(request).get("state");
      HttpResponse<String> toLogin = get(request);
      assertThat(toLogin.statusCode()).isEqualTo(302);
      assertThat(location(toLogin).getPath()).isEqualTo("/login");

      HttpResponse<String> signedIn = signIn(username, password);
      assertThat(signedIn.statusCode()).isEqualTo(302);
      URI next = location(signedIn);
      assertThat(next.getPath()).isEqualTo("/oauth2/authorize");

      HttpResponse<String> toClient = get(next);
      assertThat(toClient.statusCode()).isEqualTo(302);
      URI callback = location(toClient);
      assertThat(callback.toString()).startsWith(DemoClients.SHOP_WEB_REDIRECT_URI + "?");
      Map<String, String> parameters = query(callback);
      assertThat(parameters).containsEntry("state", state).containsKey("code");
      return parameters.get("code");
    }
  }
}
