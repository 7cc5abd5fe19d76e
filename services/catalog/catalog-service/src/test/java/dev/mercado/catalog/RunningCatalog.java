package dev.mercado.catalog;

import dev.mercado.testkit.Infrastructure;
import dev.mercado.testkit.TestIdentity;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One running catalog for the integration tests that change data: its own database ({@code
 * catalog_it}, so the seeded catalogue {@code ProductCatalogIT} reads stays untouched) and the test
 * kit's real Kafka. Every subclass shares this one application context (same configuration), so one
 * set of listeners consumes the commands the tests send.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // the tests' own Kafka clients would log their whole configuration at every read
    properties = "logging.level.org.apache.kafka.common.config=warn")
public abstract class RunningCatalog {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "catalog_it");
    registry.add("spring.kafka.bootstrap-servers", Infrastructure::kafka);
    TestIdentity.register(registry);
  }

  @Value("${local.server.port}")
  private int port;

  protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(request(path).GET());
  }

  /** A {@code POST} as an operator (admin token): writes go to the admin API. */
  protected HttpResponse<String> post(String path, String json)
      throws IOException, InterruptedException {
    return post(path, json, TestIdentity.get().adminToken());
  }

  /** A {@code POST} with {@code token} as bearer token, or none if null. */
  protected HttpResponse<String> post(String path, String json, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = request(path).POST(HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  /** A {@code PUT} as an operator (admin token). */
  protected HttpResponse<String> put(String path, String json)
      throws IOException, InterruptedException {
    return send(
        request(path)
            .header("Authorization", "Bearer " + TestIdentity.get().adminToken())
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  protected static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json");
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
