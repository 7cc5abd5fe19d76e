package dev.mercado.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercado.launcher.PaymentProviderSimulator;
import dev.mercado.orders.api.AuthorizePaymentCommand;
import dev.mercado.orders.api.OrdersTopics;
import dev.mercado.platform.events.CloudEvent;
import dev.mercado.testkit.EventContracts;
import dev.mercado.testkit.Infrastructure;
import dev.mercado.testkit.TestIdentity;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one application context of payments' integration tests that consume Kafka: real PostgreSQL,
 * Kafka, and two payment provider simulator processes, the primary and the alternative. One
 * context, so that a single consumer takes every command the tests send.
 *
 * <p>Policies sized for tests: 500 ms per attempt, 3 attempts 20 ms apart with a budget that never
 * runs dry; breakers that open when half of the last 4 attempts (at least 4) failed or all were
 * slower than 200 ms, stay open 1 s and close after 1 successful trial; 2 requests in flight per
 * provider, 10 ms wait for a permit. Every test starts with healthy providers and closed breakers.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mercado.payments.provider-timeout=500ms",
      "mercado.resilience.downstreams.payment-provider.retry.strategy=constant",
      "mercado.resilience.downstreams.payment-provider.retry.max-attempts=3",
      "mercado.resilience.downstreams.payment-provider.retry.base=20ms",
      "mercado.resilience.downstreams.payment-provider.retry.cap=20ms",
      "mercado.resilience.downstreams.payment-provider.retry.budget.capacity=100000",
      "mercado.resilience.downstreams.payment-provider-fallback.retry.strategy=constant",
      "mercado.resilience.downstreams.payment-provider-fallback.retry.base=20ms",
      "mercado.resilience.downstreams.payment-provider-fallback.retry.cap=20ms",
      "mercado.resilience.downstreams.payment-provider-fallback.retry.budget.capacity=100000",
      "resilience4j.circuitbreaker.configs.provider.sliding-window-size=4",
      "resilience4j.circuitbreaker.configs.provider.minimum-number-of-calls=4",
      "resilience4j.circuitbreaker.configs.provider.failure-rate-threshold=50",
      "resilience4j.circuitbreaker.configs.provider.slow-call-duration-threshold=200ms",
      "resilience4j.circuitbreaker.configs.provider.slow-call-rate-threshold=100",
      "resilience4j.circuitbreaker.configs.provider.wait-duration-in-open-state=1s",
      "resilience4j.circuitbreaker.configs.provider.permitted-number-of-calls-in-half-open-state=1",
      "resilience4j.bulkhead.configs.provider.max-concurrent-calls=2",
      "resilience4j.bulkhead.configs.provider.max-wait-duration=10ms",
      // a tier only ApiLimitsIT's caller is in, small enough to reach
      "mercado.ratelimit.policies.payments-api.tiers.tiny[0]=sliding-log 3/1h"
    })
public abstract class PaymentsIntegrationTest {

  /** The primary provider's downstream and breaker name. */
  protected static final String PRIMARY = "payment-provider";

  /** The alternative provider's downstream and breaker name. */
  protected static final String ALTERNATIVE = "payment-provider-fallback";

  private static final HttpClient http = HttpClient.newHttpClient();
  private static final Pattern COUNT = Pattern.compile("\"(\\w+)\":(\\d+)");

  @LocalServerPort protected int port;

  @Autowired protected CircuitBreakerRegistry breakers;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "payments");
    registry.add("spring.kafka.bootstrap-servers", Infrastructure::kafka);
    registry.add("mercado.payments.provider-url", () -> primary().baseUrl());
    registry.add(
        "mercado.payments.provider-fallback-url",
        () -> Infrastructure.alternativePaymentProvider().baseUrl());
    TestIdentity.register(registry);
  }

  @BeforeEach
  @AfterEach
  void healthyProvidersAndClosedBreakers() throws Exception {
    faults(primary(), null);
    faults(alternative(), null);
    breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
  }

  protected static PaymentProviderSimulator primary() {
    return Infrastructure.paymentProvider();
  }

  protected static PaymentProviderSimulator alternative() {
    return Infrastructure.alternativePaymentProvider();
  }

  protected CircuitBreaker breaker(String name) {
    return breakers.circuitBreaker(name);
  }

  /** {@code PUT /faults} with {@code json} on the provider's admin port; null resets them all. */
  protected static void faults(PaymentProviderSimulator provider, String json) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(provider.adminUrl() + "/faults"));
    request =
        json == null
            ? request.DELETE()
            : request
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isIn(200, 204);
  }

  /** The provider's ledger for the order, from its admin port (answers while the API is down). */
  protected static String ledger(PaymentProviderSimulator provider, UUID order)
      throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create(provider.adminUrl() + "/ledger?reference=" + order))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** How many of the order's authorizations ever reached {@code state} at the provider. */
  protected static int count(PaymentProviderSimulator provider, UUID order, String state)
      throws IOException, InterruptedException {
    String ledger = ledger(provider, order);
    String counts = ledger.substring(ledger.indexOf("\"counts\""));
    Matcher matcher = COUNT.matcher(counts);
    while (matcher.find()) {
      if (matcher.group(1).equals(state)) {
        return Integer.parseInt(matcher.group(2));
      }
    }
    throw new AssertionError("no count of '" + state + "' in " + ledger);
  }

  /** {@code GET /api/v1/payments?orderId=}: the order's payment as the BFF reads it. */
  protected String payment(UUID order) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/payments?orderId=" + order))
                // as the gateway's page reads it: with a service token
                .header("Authorization", "Bearer " + TestIdentity.get().serviceToken())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  /** {@code GET} of an actuator path of this service. */
  protected String actuator(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/" + path))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  /** An authorization command for 25.00 EUR, as orders publishes it. */
  protected static CloudEvent authorize(UUID order, String card) {
    return event(
        OrdersTopics.AUTHORIZE_PAYMENT,
        order,
        new AuthorizePaymentCommand(order, new BigDecimal("25.00"), "EUR", card));
  }

  /** As orders publishes it: its checked-in example with this order and payload. */
  protected static CloudEvent event(String type, UUID order, Object payload) {
    return EventContracts.like(type, order.toString(), payload);
  }
}
