package dev.mercado.identity;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.mercado.identity.api.IdentityEndpoints;
import dev.mercado.testkit.Infrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One running identity for the integration tests, with dev tokens enabled, on its own database
 * ({@code identity_it}; the contract test's instance has {@code identity}). Every subclass shares
 * this one application context. Requests go over real HTTP, as clients send them.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "mercado.identity.dev-tokens.enabled=true")
public abstract class RunningIdentity {

  protected static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "identity_it");
  }

  @Value("${local.server.port}")
  private int port;

  protected URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(request(path).GET());
  }

  protected HttpResponse<String> getWithToken(String path, String token)
      throws IOException, InterruptedException {
    return send(request(path).header("Authorization", "Bearer " + token).GET());
  }

  protected HttpResponse<String> postWithToken(String path, String token)
      throws IOException, InterruptedException {
    return send(
        request(path)
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** A JSON body, authenticated with HTTP Basic as {@code user}. */
  protected HttpResponse<String> postJson(String path, String json, String user, String password)
      throws IOException, InterruptedException {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .header("Authorization", basic(user, password))
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A form to the token endpoint, authenticated with HTTP Basic as {@code clientId}. */
  protected HttpResponse<String> tokenRequest(
      String clientId, String secret, Map<String, String> form)
      throws IOException, InterruptedException {
    return send(
        request(IdentityEndpoints.TOKEN)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Authorization", basic(clientId, secret))
            .POST(HttpRequest.BodyPublishers.ofString(form(form))));
  }

  /** An access token of {@code clientId} from the client-credentials grant. */
  protected String clientToken(String clientId, String secret)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        tokenRequest(clientId, secret, Map.of("grant_type", "client_credentials"));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("no token for " + clientId + ": " + response.body());
    }
    return json(response).get("access_token").asString();
  }

  /** The JWKS identity publishes now. */
  protected JWKSet jwks() throws Exception {
    return JWKSet.parse(get(IdentityEndpoints.JWKS).body());
  }

  /**
   * The claims of {@code token} after checking its RS256 signature with the key its {@code kid}
   * names in the JWKS published now, as a resource server would.
   *
   * @throws AssertionError if the JWKS has no such key or the signature does not verify
   */
  protected JWTClaimsSet verifiedClaims(String token) throws Exception {
    SignedJWT jwt = SignedJWT.parse(token);
    JWK key = jwks().getKeyByKeyId(jwt.getHeader().getKeyID());
    if (key == null) {
      throw new AssertionError("the JWKS has no key " + jwt.getHeader().getKeyID());
    }
    if (!jwt.verify(new RSASSAVerifier(key.toRSAKey()))) {
      throw new AssertionError("the token's signature does not verify");
    }
    return jwt.getJWTClaimsSet();
  }

  protected static String keyIdOf(String token) throws Exception {
    return SignedJWT.parse(token).getHeader().getKeyID();
  }

  protected static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  protected static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
        .collect(Collectors.joining("&"));
  }

  protected static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  protected HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10));
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
