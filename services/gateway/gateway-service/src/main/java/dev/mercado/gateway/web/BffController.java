package dev.mercado.gateway.web;

import dev.mercado.gateway.application.BffPages;
import dev.mercado.gateway.application.MissingPart;
import dev.mercado.gateway.application.OrderOverview;
import dev.mercado.gateway.application.ProductDetails;
import dev.mercado.gateway.application.ResourceNotFoundException;
import dev.mercado.gateway.application.ResourceUnavailableException;
import dev.mercado.gateway.domain.AccessRefused;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's own pages under {@code /api/v1/bff} (Backend for Frontend, R5), composed by {@link
 * BffPages}: one request from the shop front instead of one per service. They are not routes, so
 * route filters (rate limits among them) do not apply; security does. A product page is public like
 * the catalogue; an order page is its owner's (or an operator's): the caller's token goes to
 * orders, which answers 401 or 403 for anyone else, and the page answers the same (docs/adr/0009).
 *
 * <ul>
 *   <li>{@code GET /orders/{id}}: 200 {@code {"order", "payment", "notifications", "products",
 *       "missing", "partial"}}, partial when a part is missing; 401 problem without a valid token,
 *       403 problem for another customer's order; 404 problem for an unknown order; 503 problem
 *       with {@code Retry-After} when orders cannot give the order (without it there is nothing to
 *       show);
 *   <li>{@code GET /products/{id}}: 200 {@code {"product"}}; 404 problem for an unknown product;
 *       503 problem when catalog fails and no recent copy is known.
 * </ul>
 *
 * <p>Each product carries {@code "stale"}: true when it is the last copy catalog gave, shown
 * because catalog failed now.
 */
@RestController
@RequestMapping(BffController.PATH)
class BffController {

  /** Where the pages are. */
  static final String PATH = "/api/v1/bff";

  private static final Logger log = LoggerFactory.getLogger(BffController.class);

  private final BffPages pages;

  BffController(BffPages pages) {
    this.pages = pages;
  }

  /**
   * @param part where the missing data would be: {@code payment}, {@code notifications} or {@code
   *     products/<id>}
   */
  record MissingResponse(String part, String reason) {

    static MissingResponse of(MissingPart missing) {
      return new MissingResponse(missing.part(), missing.reason());
    }
  }

  /**
   * @param payment null while payments has none, or when it is missing
   * @param products by product id, catalog's product with {@code "stale"} added
   * @param partial whether {@code missing} names anything
   */
  record OrderPageResponse(
      Map<String, Object> order,
      Map<String, Object> payment,
      List<Map<String, Object>> notifications,
      Map<String, Map<String, Object>> products,
      List<MissingResponse> missing,
      boolean partial) {

    static OrderPageResponse of(OrderOverview overview) {
      Map<String, Map<String, Object>> products = new LinkedHashMap<>();
      overview.products().forEach((id, details) -> products.put(id.toString(), marked(details)));
      return new OrderPageResponse(
          overview.order(),
          overview.payment(),
          overview.notifications(),
          products,
          overview.missing().stream().map(MissingResponse::of).toList(),
          overview.partial());
    }
  }

  /**
   * @param product catalog's product with {@code "stale"} added
   */
  record ProductPageResponse(Map<String, Object> product) {}

  @GetMapping("/orders/{id}")
  Mono<OrderPageResponse> order(
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    return pages.order(id, authorization).map(OrderPageResponse::of);
  }

  @GetMapping("/products/{id}")
  Mono<ProductPageResponse> product(@PathVariable UUID id) {
    return pages.product(id).map(details -> new ProductPageResponse(marked(details)));
  }

  @ExceptionHandler(ResourceNotFoundException.class)
  Mono<Void> notFound(ResourceNotFoundException e, ServerWebExchange exchange) {
    String resource = e.resource();
    String title = Character.toUpperCase(resource.charAt(0)) + resource.substring(1) + " not found";
    return Problems.write(exchange, HttpStatus.NOT_FOUND, title, e.getMessage(), Map.of());
  }

  @ExceptionHandler(AccessRefused.class)
  Mono<Void> refused(AccessRefused e, ServerWebExchange exchange) {
    if (e.status() == HttpStatus.UNAUTHORIZED.value()) {
      return Problems.write(
          exchange,
          HttpStatus.UNAUTHORIZED,
          "Unauthorized",
          "This page needs the access token of the order's customer or of an operator.",
          Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
    }
    return Problems.write(
        exchange,
        HttpStatus.FORBIDDEN,
        "Forbidden",
        "This order belongs to another customer.",
        Map.of());
  }

  @ExceptionHandler(ResourceUnavailableException.class)
  Mono<Void> unavailable(ResourceUnavailableException e, ServerWebExchange exchange) {
    log.warn(
        "{} {} answered 503: {}",
        exchange.getRequest().getMethod(),
        exchange.getRequest().getPath(),
        e.getMessage());
    return Problems.write(
        exchange,
        HttpStatus.SERVICE_UNAVAILABLE,
        "Service unavailable",
        e.getMessage(),
        Map.of(HttpHeaders.RETRY_AFTER, ProblemDetailsErrorHandler.RETRY_AFTER_SECONDS));
  }

  private static Map<String, Object> marked(ProductDetails details) {
    Map<String, Object> product = new LinkedHashMap<>(details.fields());
    product.put("stale", details.stale());
    return product;
  }
}
