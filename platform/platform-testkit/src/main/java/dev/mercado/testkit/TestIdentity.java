package dev.mercado.testkit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.mercado.identity.api.DemoClients;
import dev.mercado.identity.api.IdentityClaims;
import dev.mercado.identity.api.IdentityEndpoints;
import dev.mercado.identity.api.Role;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A stand-in for identity in a service's tests: one real RSA key, its JWK Set served by a loopback
 * HTTP server at {@link IdentityEndpoints#JWKS}, and access tokens signed with it in identity's
 * format ({@link IdentityClaims}). Started once per test JVM on first use; thread-safe.
 *
 * <p>A service test points the service at it with {@link #register} and sends {@code Authorization:
 * Bearer} {@link #customerToken}, {@link #adminToken} or {@link #serviceToken}; for refused tokens,
 * build {@link #claims} and {@link #sign} or {@link #signWithUnpublishedKey} them.
 */
public final class TestIdentity {

  /** How long the tokens this class mints are valid. */
  public static final Duration LIFETIME = Duration.ofMinutes(15);

  private static TestIdentity running;

  private final RSAKey key;
  private final RSAKey unpublished;
  private final HttpServer server;
  private final String url;

  private TestIdentity() {
    this.key = rsaKey("test-identity-key");
    this.unpublished = rsaKey("never-published");
    this.server = jwks(new JWKSet(key.toPublicJWK()).toString());
    this.url = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The one instance of this JVM, started on first use. */
  public static synchronized TestIdentity get() {
    if (running == null) {
      running = new TestIdentity();
    }
    return running;
  }

  /** Points a service's platform-security at this identity ({@code mercado.security.*}). */
  public static void register(DynamicPropertyRegistry registry) {
    registry.add("mercado.security.identity-url", () -> get().url());
  }

  /** The base URL, which is also the issuer of every token minted here. */
  public String url() {
    return url;
  }

  /** A customer token, as identity's dev tokens and the shop's sign-in give: role customer. */
  public String customerToken(UUID customerId) {
    return sign(
        claims(customerId.toString(), Role.CUSTOMER)
            .claim(IdentityClaims.CUSTOMER_ID, customerId.toString())
            .claim(IdentityClaims.PREFERRED_USERNAME, "customer-" + customerId)
            .claim(IdentityClaims.CLIENT_ID, DemoClients.SHOP_WEB)
            .build());
  }

  /** A client-credentials token of an operators' client: role admin, no customer. */
  public String adminToken() {
    return sign(clientClaims(DemoClients.ADMIN_CLI, Role.ADMIN).build());
  }

  /** A client-credentials token of one of Mercado's own processes: role service. */
  public String serviceToken() {
    return sign(clientClaims(DemoClients.GATEWAY, Role.SERVICE).build());
  }

  /**
   * Claims of a token issued now by this identity to {@code subject} with {@code roles}, valid for
   * {@link #LIFETIME}; change any of them before signing.
   */
  public JWTClaimsSet.Builder claims(String subject, Role... roles) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(url)
        .subject(subject)
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plus(LIFETIME)))
        .jwtID(UUID.randomUUID().toString())
        .claim(IdentityClaims.SCOPE, List.of())
        .claim(IdentityClaims.ROLES, Arrays.stream(roles).map(Role::claimValue).toList());
  }

  /** Signs {@code claims} with the key the JWKS publishes. */
  public String sign(JWTClaimsSet claims) {
    return sign(key, claims);
  }

  /** Signs {@code claims} with a key the JWKS never published: a forged token. */
  public String signWithUnpublishedKey(JWTClaimsSet claims) {
    return sign(unpublished, claims);
  }

  private JWTClaimsSet.Builder clientClaims(String client, Role role) {
    return claims(client, role).audience(client).claim(IdentityClaims.CLIENT_ID, client);
  }

  private static String sign(RSAKey key, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(key.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("signing a test token failed", e);
    }
  }

  private static RSAKey rsaKey(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("generating a test RSA key failed", e);
    }
  }

  /** Serves the key set; exchanges run off the dispatcher thread, which also accepts. */
  private static HttpServer jwks(String keySet) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      byte[] body = keySet.getBytes(StandardCharsets.UTF_8);
      server.createContext(
          IdentityEndpoints.JWKS,
          exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.setExecutor(
          Executors.newCachedThreadPool(
              task -> {
                Thread thread = new Thread(task, "test-identity-jwks");
                thread.setDaemon(true);
                return thread;
              }));
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException("starting the test JWKS server failed", e);
    }
  }
}
