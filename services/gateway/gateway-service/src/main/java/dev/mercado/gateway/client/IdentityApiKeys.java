package dev.mercado.gateway.client;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.mercado.gateway.GatewayProperties;
import dev.mercado.gateway.domain.ApiKeys;
import dev.mercado.gateway.domain.ServiceFailure;
import dev.mercado.identity.api.ApiKeyHash;
import dev.mercado.identity.api.ApiKeyOwner;
import dev.mercado.identity.api.IdentityEndpoints;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.Optional;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Identity's answer to "who owns this API key" ({@link IdentityEndpoints#API_KEYS}), asked with the
 * gateway's own client-credentials token ({@link ServiceToken}, scope {@code identity:api-keys}).
 * Answers are kept a while (Caffeine): an owner for {@code mercado.gateway.api-keys.known-for}
 * (default 5 min, so a revoked key works at most that long), an unknown key for {@code unknown-for}
 * (default 30 s, so guessing keys does not turn into a load on identity). A failed lookup is not
 * kept. Each lookup goes through identity's breaker and timeout ({@code
 * resilience4j.*.instances.identity}), like every call the gateway makes (R4, F8).
 */
@Component
class IdentityApiKeys implements ApiKeys {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final WebClient identity;
  private final ReactiveCircuitBreakerFactory<?, ?> breakers;
  private final AsyncCache<String, Optional<ApiKeyOwner>> owners;

  IdentityApiKeys(
      WebClient.Builder builder,
      ServiceToken token,
      ReactiveCircuitBreakerFactory<?, ?> breakers,
      GatewayProperties gateway) {
    GatewayProperties.ApiKeyCaching caching = gateway.apiKeys();
    HttpClient bounded =
        HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) TIMEOUT.toMillis())
            .responseTimeout(TIMEOUT);
    this.identity =
        builder
            .clone()
            .baseUrl(gateway.identityUrl())
            .clientConnector(new ReactorClientHttpConnector(bounded))
            .filter(
                (request, next) ->
                    token
                        .required()
                        .flatMap(
                            authorization ->
                                next.exchange(
                                    ClientRequest.from(request)
                                        .header(HttpHeaders.AUTHORIZATION, authorization)
                                        .build())))
            .build();
    this.breakers = breakers;
    this.owners =
        Caffeine.newBuilder()
            .maximumSize(caching.maxKeys())
            .expireAfter(
                Expiry.<String, Optional<ApiKeyOwner>>creating(
                    (hash, owner) -> owner.isPresent() ? caching.knownFor() : caching.unknownFor()))
            .buildAsync();
  }

  @Override
  public Mono<ApiKeyOwner> owner(String apiKey) {
    String hash = ApiKeyHash.of(apiKey);
    return Mono.fromFuture(() -> owners.get(hash, (key, executor) -> lookUp(key).toFuture()), true)
        .flatMap(Mono::justOrEmpty);
  }

  private Mono<Optional<ApiKeyOwner>> lookUp(String hash) {
    Mono<Optional<ApiKeyOwner>> call =
        identity
            .get()
            .uri(IdentityEndpoints.API_KEYS + "/{hash}", hash)
            .accept(MediaType.APPLICATION_JSON)
            .exchangeToMono(
                response -> {
                  if (response.statusCode().value() == 404) {
                    return response.releaseBody().thenReturn(Optional.<ApiKeyOwner>empty());
                  }
                  if (response.statusCode().is2xxSuccessful()) {
                    return response.bodyToMono(ApiKeyOwner.class).map(Optional::of);
                  }
                  return response.createError();
                });
    return breakers
        .create("identity")
        .run(call, Mono::error)
        .onErrorMap(
            error -> new ServiceFailure("identity", "identity could not look up the key", error));
  }
}
