package dev.mercado.payments.client;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * One payment provider account over HTTP, behind its own {@link ProviderPolicy}. Every request is
 * an unsafe {@code POST} with an {@code Idempotency-Key}, bounded by the connect and read timeouts.
 */
final class ProviderClient {

  /** One answer of the provider below 500: its status and JSON body. */
  record Answer(HttpStatusCode status, Map<?, ?> body) {}

  private final ProviderPolicy policy;
  private final RestClient http;

  /**
   * @param builder Spring Boot's builder (cloned here): observed, so every attempt is a client span
   *     and carries the trace context (O3)
   * @param timeout the connect timeout, and then the read timeout, of each attempt
   */
  ProviderClient(
      ProviderPolicy policy, String baseUrl, Duration timeout, RestClient.Builder builder) {
    this.policy = policy;
    JdkClientHttpRequestFactory requests =
        new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(timeout).build());
    requests.setReadTimeout(timeout);
    this.http = builder.clone().baseUrl(baseUrl).requestFactory(requests).build();
  }

  /** The provider's name: its downstream, breaker and bulkhead name. */
  String name() {
    return policy.name();
  }

  ProviderPolicy policy() {
    return policy;
  }

  /**
   * Posts under the policy.
   *
   * @param template the path as a URI template: the template, not the expanded path, tags the
   *     client's metrics and spans, so every authorization does not become a new series
   * @return the first answer below 500
   * @throws RuntimeException as {@link ProviderPolicy#call}: breaker open, bulkhead full, or the
   *     last attempt's error (5xx {@link ProviderFailure}, I/O failure or timeout)
   */
  Answer post(
      String template, String idempotencyKey, Map<String, String> body, Object... variables) {
    return policy.call(() -> attempt(template, idempotencyKey, body, variables));
  }

  /**
   * Reads under the policy (a read is idempotent: retried like a keyed call).
   *
   * @return the first answer below 500
   */
  Answer get(String template, Object... variables) {
    return policy.call(
        () -> {
          Answer answer =
              http.get()
                  .uri(template, variables)
                  .exchange(
                      (request, response) ->
                          new Answer(response.getStatusCode(), response.bodyTo(Map.class)));
          if (answer.status().is5xxServerError()) {
            throw new ProviderFailure(name(), answer.status().value(), "GET " + template);
          }
          return answer;
        });
  }

  private Answer attempt(
      String template, String idempotencyKey, Map<String, String> body, Object... variables) {
    Answer answer =
        http.post()
            .uri(template, variables)
            .header("Idempotency-Key", idempotencyKey)
            .contentType(MediaType.APPLICATION_JSON)
            .body(body)
            .exchange(
                (request, response) -> {
                  Map<?, ?> json =
                      response.getStatusCode().value() == 204 ? null : response.bodyTo(Map.class);
                  return new Answer(response.getStatusCode(), json == null ? Map.of() : json);
                });
    if (answer.status().is5xxServerError()) {
      throw new ProviderFailure(name(), answer.status().value(), idempotencyKey);
    }
    return answer;
  }
}
