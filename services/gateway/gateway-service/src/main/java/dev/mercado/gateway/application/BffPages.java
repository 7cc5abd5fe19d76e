package dev.mercado.gateway.application;

import dev.mercado.gateway.domain.AccessRefused;
import dev.mercado.gateway.domain.ServiceDocuments;
import dev.mercado.gateway.domain.ServiceFailure;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The pages a shop front shows, each composed at the gateway from several services in one round
 * trip (Backend for Frontend, R5): without it every client calls orders, payments, notifications
 * and catalog itself, and each client becomes a "death star" of dependencies on every service.
 *
 * <p>Designed for failure (F8, R12):
 *
 * <ul>
 *   <li>every call has its own deadline ({@code mercado.gateway.bff.deadline}); calls that do not
 *       need each other run in parallel, so an order page waits at most two deadlines: the order,
 *       its payment and its notifications together, then its products together;
 *   <li>a part that fails or misses its deadline is left out and named in the page's {@code
 *       missing}, and the page is answered anyway: an order without its e-mails beats no page;
 *   <li>the order is the page: orders' 404 is the page's {@link ResourceNotFoundException}, and
 *       orders failing or late is {@link ResourceUnavailableException} (a 503 the client may
 *       retry), never a page that would look like an order with nothing in it;
 *   <li>products catalog cannot give now are served from the {@link LastKnownProducts} and marked
 *       stale; only those never seen (or too old) are missing;
 *   <li>no retries: a retry would spend the same deadline again; a client may reload the page.
 * </ul>
 *
 * <p>Each degraded part counts in {@code mercado.gateway.bff.degraded} ({@code part}, {@code
 * outcome} = {@code missing} or {@code stale}), for alerts. Thread-safe.
 */
public class BffPages {

  private static final Logger log = LoggerFactory.getLogger(BffPages.class);

  private final ServiceDocuments services;
  private final Duration deadline;
  private final LastKnownProducts lastKnown;
  private final MeterRegistry meters;

  BffPages(
      ServiceDocuments services,
      Duration deadline,
      LastKnownProducts lastKnown,
      MeterRegistry meters) {
    this.services = services;
    this.deadline = deadline;
    this.lastKnown = lastKnown;
    this.meters = meters;
  }

  /**
   * The order's page, for the caller: orders decides whether they may see the order; its payment
   * and notifications are shown only with an order orders gave (they are fetched alongside, to keep
   * to the deadlines, and dropped when orders refuses).
   *
   * @param authorization the caller's {@code Authorization} header, or null
   * @throws AccessRefused (signalled) if orders refuses the caller: 401 or 403
   * @throws ResourceNotFoundException (signalled) if orders has no such order
   * @throws ResourceUnavailableException (signalled) if orders fails or misses the deadline
   */
  public Mono<OrderOverview> order(UUID id, String authorization) {
    Mono<Map<String, Object>> order =
        withinDeadline(services.order(id, authorization))
            .onErrorMap(
                error -> !(error instanceof AccessRefused),
                error -> new ResourceUnavailableException("order", reason(error), error))
            .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("order", id)));
    Mono<Part<Map<String, Object>>> payment = part("payment", services.payment(id));
    Mono<Part<List<Map<String, Object>>>> notifications =
        part("notifications", services.notifications(id));
    return Mono.zip(order, payment, notifications)
        .flatMap(
            found ->
                Flux.fromIterable(productIds(found.getT1()))
                    .flatMapSequential(this::lookUp)
                    .collectList()
                    .map(
                        products ->
                            compose(found.getT1(), found.getT2(), found.getT3(), products)));
  }

  /**
   * A product's page: catalog's product, or its last known copy marked stale when catalog fails.
   *
   * @throws ResourceNotFoundException (signalled) if catalog has no such product
   * @throws ResourceUnavailableException (signalled) if catalog fails and no recent copy is known
   */
  public Mono<ProductDetails> product(UUID id) {
    return lookUp(id)
        .flatMap(
            lookup -> {
              if (lookup.details() != null) {
                return Mono.just(lookup.details());
              }
              return Mono.error(
                  lookup.unknown()
                      ? new ResourceNotFoundException("product", id)
                      : new ResourceUnavailableException("product", lookup.failure(), null));
            });
  }

  private static OrderOverview compose(
      Map<String, Object> order,
      Part<Map<String, Object>> payment,
      Part<List<Map<String, Object>>> notifications,
      List<ProductLookup> lookups) {
    List<MissingPart> missing = new ArrayList<>();
    payment.missing().ifPresent(missing::add);
    notifications.missing().ifPresent(missing::add);
    Map<UUID, ProductDetails> products = new LinkedHashMap<>();
    for (ProductLookup lookup : lookups) {
      if (lookup.details() != null) {
        products.put(lookup.id(), lookup.details());
      } else {
        missing.add(new MissingPart("products/" + lookup.id(), lookup.failure()));
      }
    }
    return new OrderOverview(
        order,
        payment.value(),
        notifications.value() == null ? List.of() : notifications.value(),
        products,
        List.copyOf(missing));
  }

  /** The call's value, none, or why it is missing; never an error. */
  private <T> Mono<Part<T>> part(String name, Mono<T> call) {
    return withinDeadline(call)
        .map(Part::of)
        .defaultIfEmpty(Part.none())
        .onErrorResume(
            error -> {
              String reason = reason(error);
              degraded(name, "missing", reason);
              return Mono.just(Part.missingBecause(new MissingPart(name, reason)));
            });
  }

  private Mono<ProductLookup> lookUp(UUID id) {
    return withinDeadline(services.product(id))
        .map(
            found -> {
              lastKnown.remember(id, found);
              return ProductLookup.found(id, new ProductDetails(found, false));
            })
        .switchIfEmpty(
            Mono.fromSupplier(
                () -> {
                  lastKnown.forget(id);
                  return ProductLookup.notInCatalog(id);
                }))
        .onErrorResume(error -> Mono.just(fallBack(id, reason(error))));
  }

  private ProductLookup fallBack(UUID id, String reason) {
    Optional<Map<String, Object>> copy = lastKnown.recall(id);
    degraded("product", copy.isPresent() ? "stale" : "missing", reason);
    return copy.map(product -> ProductLookup.found(id, new ProductDetails(product, true)))
        .orElseGet(() -> ProductLookup.failed(id, reason));
  }

  private <T> Mono<T> withinDeadline(Mono<T> call) {
    return call.timeout(deadline);
  }

  private String reason(Throwable error) {
    if (error instanceof TimeoutException) {
      return "timeout after " + deadline.toMillis() + " ms";
    }
    if (error instanceof ServiceFailure failure) {
      return failure.reason();
    }
    if (error instanceof AccessRefused refused) {
      return refused.getMessage();
    }
    return "failed: " + error.getClass().getSimpleName();
  }

  private void degraded(String part, String outcome, String reason) {
    meters.counter("mercado.gateway.bff.degraded", "part", part, "outcome", outcome).increment();
    log.debug("page part {} {}: {}", part, outcome, reason);
  }

  /**
   * Order lines' product ids, each once, in line order; lines without a readable one are skipped.
   */
  static List<UUID> productIds(Map<String, Object> order) {
    Set<UUID> ids = new LinkedHashSet<>();
    if (order.get("lines") instanceof List<?> lines) {
      for (Object line : lines) {
        if (line instanceof Map<?, ?> fields && fields.get("productId") instanceof String text) {
          try {
            ids.add(UUID.fromString(text));
          } catch (IllegalArgumentException notAnId) {
            log.debug("order line with an unreadable product id {}", text);
          }
        }
      }
    }
    return List.copyOf(ids);
  }

  /** One part of a page: its value (null for none) or why it is missing. */
  private record Part<T>(T value, MissingPart why) {

    static <T> Part<T> of(T value) {
      return new Part<>(value, null);
    }

    static <T> Part<T> none() {
      return new Part<>(null, null);
    }

    static <T> Part<T> missingBecause(MissingPart why) {
      return new Part<>(null, why);
    }

    Optional<MissingPart> missing() {
      return Optional.ofNullable(why);
    }
  }

  /** A product found (fresh or stale), unknown to catalog, or failed without a copy. */
  private record ProductLookup(UUID id, ProductDetails details, boolean unknown, String failure) {

    static ProductLookup found(UUID id, ProductDetails details) {
      return new ProductLookup(id, details, false, null);
    }

    static ProductLookup notInCatalog(UUID id) {
      return new ProductLookup(id, null, true, "catalog has no such product");
    }

    static ProductLookup failed(UUID id, String reason) {
      return new ProductLookup(id, null, false, reason);
    }
  }
}
