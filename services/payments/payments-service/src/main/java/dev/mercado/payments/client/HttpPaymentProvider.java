package dev.mercado.payments.client;

import dev.mercado.payments.PaymentsProperties;
import dev.mercado.payments.domain.PaymentProvider;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The payment provider over HTTP. Each operation is retried up to {@code provider-attempts} times
 * with exponential backoff when the provider times out, refuses the connection or answers 5xx —
 * always with the same {@code Idempotency-Key} ({@code authorize-<order>}, {@code capture-<order>},
 * {@code refund-<order>}), so a retry never charges twice. This is the only layer that retries the
 * provider (docs/patterns.md R8).
 */
@Component
class HttpPaymentProvider implements PaymentProvider {

  private static final Logger log = LoggerFactory.getLogger(HttpPaymentProvider.class);

  private final RestClient http;
  private final PaymentsProperties properties;

  /**
   * @param builder Spring Boot's builder: observed, so every call to the provider is a client span
   *     and carries the trace context (O3)
   */
  HttpPaymentProvider(PaymentsProperties properties, RestClient.Builder builder) {
    this.properties = properties;
    JdkClientHttpRequestFactory requests =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder().connectTimeout(properties.providerTimeout()).build());
    requests.setReadTimeout(properties.providerTimeout());
    this.http = builder.baseUrl(properties.providerUrl()).requestFactory(requests).build();
  }

  /** One answer of the provider: its status and JSON body. */
  private record Answer(HttpStatusCode status, Map<?, ?> body) {}

  @Override
  public Outcome authorize(UUID orderId, BigDecimal amount, String currency, String cardToken) {
    Answer answer =
        withRetries(
            "authorize " + orderId,
            () ->
                post(
                    "/v1/authorizations",
                    "authorize-" + orderId,
                    Map.of(
                        "cardToken",
                        cardToken,
                        "amount",
                        amount.toPlainString(),
                        "currency",
                        currency,
                        "reference",
                        orderId.toString())));
    if (answer == null) {
      return new Unavailable("no answer after " + properties.providerAttempts() + " attempts");
    }
    int status = answer.status().value();
    if (status == 201 || status == 200) {
      return new Authorized(String.valueOf(answer.body().get("id")));
    }
    if (status == 402) {
      return new Declined(String.valueOf(answer.body().get("declineCode")));
    }
    if (status == 422) {
      return new Declined("unknown_card");
    }
    return new Unavailable("provider answered " + status);
  }

  @Override
  public boolean capture(UUID orderId, String authorizationId) {
    Answer answer =
        withRetries(
            "capture " + orderId,
            () ->
                post(
                    "/v1/authorizations/{id}/capture",
                    "capture-" + orderId,
                    Map.of(),
                    authorizationId));
    return answer != null && answer.status().is2xxSuccessful();
  }

  @Override
  public boolean refund(UUID orderId, String authorizationId) {
    Answer answer =
        withRetries(
            "refund " + orderId,
            () ->
                post(
                    "/v1/authorizations/{id}/refund",
                    "refund-" + orderId,
                    Map.of(),
                    authorizationId));
    return answer != null && answer.status().is2xxSuccessful();
  }

  /**
   * @param template the path as a URI template: the template, not the expanded path, tags the
   *     client's metrics and spans, so every authorization does not become a new series
   */
  private Answer post(
      String template, String idempotencyKey, Map<String, String> body, Object... variables) {
    return http.post()
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
  }

  /** Null when every attempt failed (timeout, refused connection or 5xx). */
  private Answer withRetries(String operation, Supplier<Answer> call) {
    Duration pause = properties.providerBackoff();
    for (int attempt = 1; attempt <= properties.providerAttempts(); attempt++) {
      try {
        Answer answer = call.get();
        if (!answer.status().is5xxServerError()) {
          return answer;
        }
        log.warn("provider answered {} to {} (attempt {})", answer.status(), operation, attempt);
      } catch (RestClientException e) {
        log.warn(
            "provider unreachable for {} (attempt {}): {}", operation, attempt, e.getMessage());
      }
      if (attempt < properties.providerAttempts()) {
        sleep(pause);
        pause = pause.multipliedBy(2);
      }
    }
    return null;
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
