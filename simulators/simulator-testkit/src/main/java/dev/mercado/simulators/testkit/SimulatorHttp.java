package dev.mercado.simulators.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercado.simulators.kit.ProblemTypes;
import dev.mercado.simulators.kit.Simulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a simulator's HTTP ports as its clients do: HTTP/1.1 to {@link Simulator#BIND_ADDRESS},
 * JSON bodies, 5 s to connect and 30 s per request. One instance keeps its connections open; a new
 * one starts afresh. For integration tests.
 */
public final class SimulatorHttp {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** {@code http://127.0.0.1:<port><pathAndQuery>}. */
  public static URI uri(int port, String pathAndQuery) {
    return URI.create("http://" + Simulator.address(port) + pathAndQuery);
  }

  /**
   * Sends a request; a body goes as {@code application/json}.
   *
   * @param body the body, or null for none
   * @param headers more headers as name, value, name, value...; a header whose value is null is
   *     left out
   * @throws UncheckedIOException if the call fails, such as for a refused connection
   */
  public HttpResponse<String> send(String method, URI uri, String body, String... headers) {
    try {
      return sendOrThrow(method, uri, body, headers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@link #send}, with the failure of the call as it is, such as {@code ConnectException}. */
  public HttpResponse<String> sendOrThrow(String method, URI uri, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      if (headers[i + 1] != null) {
        request.header(headers[i], headers[i + 1]);
      }
    }
    return client.send(request.build(), BodyHandlers.ofString());
  }

  /** The body as JSON. */
  public static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  /**
   * Asserts that the response is an RFC 9457 problem detail with this status, a type of the
   * simulator's, a title and a detail, and no stack trace.
   */
  public static void assertProblem(HttpResponse<String> response, int status, ProblemTypes types) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("type").asString()).startsWith(types.prefix());
    assertThat(problem.path("title").asString()).isNotBlank();
    assertThat(problem.path("detail").asString()).isNotBlank();
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
