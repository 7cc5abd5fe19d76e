package dev.mercado.gateway.client;

import dev.mercado.identity.api.DemoClients;
import dev.mercado.identity.api.IdentityEndpoints;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The gateway's own access token (client credentials of its client at identity, role {@code
 * service}), for the calls it makes on its own behalf: the order page's payment and notifications,
 * which only operators and services may read. Fetched on first use and reused until shortly before
 * it expires; a failed fetch is not repeated for a few seconds, and the call then goes without a
 * token (the service answers 401 and the page names the part missing). Thread-safe.
 */
@Component
class ServiceToken {

  private static final ParameterizedTypeReference<Map<String, Object>> ANSWER =
      new ParameterizedTypeReference<>() {};

  /** Renewed this long before identity says it expires: clocks and calls in flight. */
  private static final Duration MARGIN = Duration.ofSeconds(30);

  private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(5);

  private final Mono<String> header;

  ServiceToken(
      WebClient.Builder builder,
      @Value("${mercado.gateway.identity-url}") String identity,
      @Value("${mercado.gateway.client-id:" + DemoClients.GATEWAY + "}") String client,
      @Value("${mercado.gateway.client-secret:" + DemoClients.GATEWAY_SECRET + "}") String secret) {
    WebClient http = builder.baseUrl(identity).build();
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
    this.header =
        Mono.defer(
                () ->
                    http.post()
                        .uri(IdentityEndpoints.TOKEN)
                        .header(HttpHeaders.AUTHORIZATION, basic)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(BodyInserters.fromFormData("grant_type", "client_credentials"))
                        .retrieve()
                        .bodyToMono(ANSWER)
                        .timeout(FETCH_TIMEOUT)
                        .map(Issued::of))
            .cache(
                issued ->
                    issued.lifetime().minus(MARGIN).isNegative()
                        ? Duration.ZERO
                        : issued.lifetime().minus(MARGIN),
                failure -> PAUSE_AFTER_FAILURE,
                () -> Duration.ZERO)
            .map(issued -> "Bearer " + issued.value());
  }

  /** {@code Bearer <token>}, or empty when identity gives none now. */
  Mono<String> authorization() {
    return header.onErrorResume(failure -> Mono.empty());
  }

  private record Issued(String value, Duration lifetime) {

    static Issued of(Map<String, Object> answer) {
      Object token = answer.get("access_token");
      if (!(token instanceof String value)) {
        throw new IllegalStateException("identity answered no access_token");
      }
      long seconds = answer.get("expires_in") instanceof Number number ? number.longValue() : 60;
      return new Issued(value, Duration.ofSeconds(seconds));
    }
  }
}
