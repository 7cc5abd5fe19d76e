package dev.mercado.payments.client;

import dev.mercado.payments.domain.Money;
import dev.mercado.payments.domain.OrderId;
import dev.mercado.payments.domain.PaymentProvider;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.client.RestClientException;

/**
 * The payment provider over HTTP: a primary account and, optionally, an alternative one with the
 * same API (R12, fallback to an alternative service). Every call goes through its account's {@link
 * ProviderPolicy} (retry with a budget, circuit breaker, bulkhead, timeouts) and carries an {@code
 * Idempotency-Key} derived from the order ({@code authorize-<order>}, {@code capture-<order>},
 * {@code refund-<order>}), so retries never charge twice at one provider.
 *
 * <p>An authorization goes to the alternative when the primary refuses it without trying (breaker
 * open, bulkhead full) or failed after its retries; each fallback counts in {@code
 * mercado.payments.provider.fallbacks{to,reason}}. The answer names the provider that holds the
 * authorization, and its capture and refund go there, never to the other one.
 *
 * <p>The two providers keep separate ledgers and idempotency records, so an authorization the
 * primary made but whose answer was lost (a timeout after the work) stays there while the
 * alternative authorizes again; {@code Reconciliation} reads both ledgers ({@link #held}) and voids
 * such strays ({@link #voidStray}).
 */
class HttpPaymentProvider implements PaymentProvider {

  private static final Logger log = LoggerFactory.getLogger(HttpPaymentProvider.class);

  /** The primary account's name: its downstream, circuit breaker and bulkhead. */
  static final String PRIMARY = "payment-provider";

  /** The alternative account's name. */
  static final String FALLBACK = "payment-provider-fallback";

  /** Counts authorizations sent to the alternative, by {@code to} and {@code reason}. */
  static final String FALLBACKS = "mercado.payments.provider.fallbacks";

  private final ProviderClient primary;
  private final ProviderClient fallback;
  private final MeterRegistry registry;

  /**
   * @param fallback the alternative account, or null for none
   */
  HttpPaymentProvider(ProviderClient primary, ProviderClient fallback, MeterRegistry registry) {
    this.primary = primary;
    this.fallback = fallback;
    this.registry = registry;
    if (fallback != null) {
      // visible at zero before the first fallback
      for (String reason : new String[] {"breaker-open", "bulkhead-full", "failed"}) {
        fallbacks(reason);
      }
    }
  }

  @Override
  public Outcome authorize(OrderId orderId, Money amount, String cardToken) {
    Map<String, String> body =
        Map.of(
            "cardToken",
            cardToken,
            "amount",
            amount.amount().toPlainString(),
            "currency",
            amount.currency().getCurrencyCode(),
            "reference",
            orderId.toString());
    String key = "authorize-" + orderId;
    String primaryFailure;
    try {
      return authorization(primary, primary.post("/v1/authorizations", key, body));
    } catch (CallNotPermittedException
        | BulkheadFullException
        | ProviderFailure
        | RestClientException e) {
      primaryFailure = describe(e);
      if (fallback == null) {
        log.warn("authorize {}: {} unavailable ({})", orderId, PRIMARY, primaryFailure);
        return new Unavailable(primaryFailure);
      }
      fallbacks(reason(e)).increment();
      log.warn(
          "authorize {}: {} unavailable ({}), using {}",
          orderId,
          PRIMARY,
          primaryFailure,
          fallback.name());
    }
    try {
      return authorization(fallback, fallback.post("/v1/authorizations", key, body));
    } catch (CallNotPermittedException
        | BulkheadFullException
        | ProviderFailure
        | RestClientException e) {
      log.warn("authorize {}: {} unavailable too ({})", orderId, fallback.name(), describe(e));
      return new Unavailable(primaryFailure + "; " + describe(e));
    }
  }

  @Override
  public boolean capture(OrderId orderId, String provider, String authorizationId) {
    return change(orderId, provider, authorizationId, "capture");
  }

  @Override
  public boolean refund(OrderId orderId, String provider, String authorizationId) {
    return change(orderId, provider, authorizationId, "refund");
  }

  @Override
  public List<Held> held(OrderId orderId) {
    List<Held> held = new ArrayList<>();
    for (ProviderClient provider :
        fallback == null ? List.of(primary) : List.of(primary, fallback)) {
      ProviderClient.Answer answer = provider.get("/v1/ledger?reference={order}", orderId.value());
      if (!answer.status().is2xxSuccessful() || answer.body() == null) {
        throw new ProviderFailure(provider.name(), answer.status().value(), "ledger " + orderId);
      }
      Object authorizations = answer.body().get("authorizations");
      if (authorizations instanceof List<?> list) {
        for (Object item : list) {
          if (item instanceof Map<?, ?> authorization) {
            held.add(
                new Held(
                    provider.name(),
                    String.valueOf(authorization.get("id")),
                    String.valueOf(authorization.get("status"))));
          }
        }
      }
    }
    return held;
  }

  @Override
  public boolean voidStray(String provider, String authorizationId) {
    ProviderClient holder = holder(provider);
    if (holder == null) {
      return false;
    }
    try {
      ProviderClient.Answer answer =
          holder.post(
              "/v1/authorizations/{id}/refund",
              "void-" + authorizationId,
              Map.of(),
              authorizationId);
      return answer.status().is2xxSuccessful();
    } catch (CallNotPermittedException
        | BulkheadFullException
        | ProviderFailure
        | RestClientException e) {
      log.warn("void {} at {}: unavailable ({})", authorizationId, provider, describe(e));
      return false;
    }
  }

  /** A capture or refund at the provider that holds the authorization; never at the other one. */
  private boolean change(OrderId orderId, String provider, String authorizationId, String action) {
    ProviderClient holder = holder(provider);
    if (holder == null) {
      log.error(
          "{} {}: authorization {} is held by {}, which is not configured",
          action,
          orderId,
          authorizationId,
          provider);
      return false;
    }
    try {
      ProviderClient.Answer answer =
          holder.post(
              "/v1/authorizations/{id}/" + action,
              action + "-" + orderId,
              Map.of(),
              authorizationId);
      if (!answer.status().is2xxSuccessful()) {
        log.warn("{} {}: {} answered {}", action, orderId, holder.name(), answer.status());
      }
      return answer.status().is2xxSuccessful();
    } catch (CallNotPermittedException
        | BulkheadFullException
        | ProviderFailure
        | RestClientException e) {
      log.warn("{} {}: {} unavailable ({})", action, orderId, holder.name(), describe(e));
      return false;
    }
  }

  @Override
  public String primary() {
    return primary.name();
  }

  /** Null (a payment recorded before providers were named) means the primary. */
  private ProviderClient holder(String provider) {
    if (provider == null || provider.equals(primary.name())) {
      return primary;
    }
    return fallback != null && provider.equals(fallback.name()) ? fallback : null;
  }

  private static Outcome authorization(ProviderClient provider, ProviderClient.Answer answer) {
    int status = answer.status().value();
    if (status == 201 || status == 200) {
      return new Authorized(String.valueOf(answer.body().get("id")), provider.name());
    }
    if (status == 402) {
      return new Declined(String.valueOf(answer.body().get("declineCode")), provider.name());
    }
    if (status == 422) {
      return new Declined("unknown_card", provider.name());
    }
    return new Unavailable(provider.name() + " answered " + status);
  }

  private Counter fallbacks(String reason) {
    return Counter.builder(FALLBACKS)
        .description("authorizations sent to the alternative provider, by why the primary was not")
        .tag("to", fallback.name())
        .tag("reason", reason)
        .register(registry);
  }

  private static String reason(RuntimeException e) {
    if (e instanceof CallNotPermittedException) {
      return "breaker-open";
    }
    if (e instanceof BulkheadFullException) {
      return "bulkhead-full";
    }
    return "failed";
  }

  private static String describe(RuntimeException e) {
    if (e instanceof CallNotPermittedException) {
      return "circuit breaker open";
    }
    if (e instanceof BulkheadFullException) {
      return "bulkhead full";
    }
    return e.getMessage();
  }
}
