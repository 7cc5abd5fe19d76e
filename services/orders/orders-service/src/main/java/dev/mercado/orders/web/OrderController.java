package dev.mercado.orders.web;

import dev.mercado.identity.api.Role;
import dev.mercado.orders.application.Checkout;
import dev.mercado.orders.application.OrderProblem;
import dev.mercado.orders.application.OrderQueries;
import dev.mercado.orders.application.PlaceOrder;
import dev.mercado.orders.domain.Order;
import dev.mercado.orders.domain.OrderId;
import dev.mercado.platform.errors.InvalidFieldException;
import dev.mercado.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Placing and following orders. {@code POST} answers 202: the order is accepted and its saga runs
 * asynchronously; {@code GET /{id}} shows where it is, with every transition.
 *
 * <p>Whose order it is comes from the access token (docs/adr/0009): a customer's order is always
 * their own ({@code customer_id} of the token); the body's {@code customerId} is optional for them
 * and, when sent, must name the same customer (else 403). An operator's or service's token has no
 * customer, so it must name one in the body. An order is read by its owner or an operator; anyone
 * else gets 403, a request without a token 401 (platform-security).
 */
@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final Checkout checkout;
  private final OrderQueries queries;

  OrderController(Checkout checkout, OrderQueries queries) {
    this.checkout = checkout;
    this.queries = queries;
  }

  record LineRequest(@NotNull UUID productId, @NotNull Integer quantity) {}

  /**
   * @param customerId optional with a customer's token (then it must be theirs), required with an
   *     operator's or service's
   */
  record PlaceOrderRequest(
      @Size(max = 100) String customerId,
      @NotEmpty @Size(max = 50) List<@Valid @NotNull LineRequest> lines,
      @NotBlank @Size(max = 100) String cardToken) {}

  record MoneyResponse(BigDecimal amount, String currency) {}

  record LineResponse(UUID productId, String name, int quantity, BigDecimal unitPrice) {}

  record TransitionResponse(String from, String to, String reason, Instant at) {}

  record OrderResponse(
      UUID id,
      String customerId,
      String status,
      MoneyResponse total,
      List<LineResponse> lines,
      List<TransitionResponse> history,
      Instant placedAt) {

    static OrderResponse of(Order order) {
      return new OrderResponse(
          order.id().value(),
          order.customerId(),
          order.status().name(),
          new MoneyResponse(order.total().amount(), order.total().currency().getCurrencyCode()),
          order.lines().stream()
              .map(
                  line ->
                      new LineResponse(
                          line.productId(),
                          line.name(),
                          line.quantity(),
                          line.unitPrice().amount()))
              .toList(),
          order.history().stream()
              .map(
                  step ->
                      new TransitionResponse(
                          step.from() == null ? null : step.from().name(),
                          step.to().name(),
                          step.reason(),
                          step.at()))
              .toList(),
          order.placedAt());
    }
  }

  @Operation(
      summary = "Place an order",
      description =
          "Accepts the order (202) and starts its saga. The order's total, the sum of each line's"
              + " quantity times its unit price, may be at most "
              + Order.MAX_TOTAL_TEXT
              + " in the products' currency; a larger one is refused with 422. Quantities are"
              + " integers from 1; a number with a fraction is a 400.")
  @ApiResponse(responseCode = "202", description = "Accepted; the saga runs asynchronously")
  @ApiResponse(
      responseCode = "400",
      description = "Malformed: invalid JSON, a value of the wrong type, no Idempotency-Key",
      content = @Content(mediaType = "application/problem+json"))
  @ApiResponse(
      responseCode = "422",
      description =
          "Cannot be placed: a quantity below 1, an unknown product, mixed currencies, an"
              + " Idempotency-Key reused for another body, or a total above "
              + Order.MAX_TOTAL_TEXT,
      content = @Content(mediaType = "application/problem+json"))
  // produces: a client that accepts no JSON is refused (406) before the order is placed, not after
  // (PlaceOrderGenerativeIT found orders stored behind a 406)
  @PostMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<OrderResponse> place(
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @Valid @RequestBody PlaceOrderRequest request,
      @Parameter(hidden = true) Caller caller) {
    String customerId = customerOf(caller, request.customerId());
    if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
      throw new BadRequest(
          "The Idempotency-Key header is required (1 to 100 characters), so a retried request"
              + " cannot place a second order.");
    }
    List<PlaceOrder.Line> lines =
        request.lines().stream()
            .map(line -> new PlaceOrder.Line(line.productId(), line.quantity()))
            .toList();
    if (lines.stream().anyMatch(line -> line.quantity() <= 0)) {
      throw new Unprocessable("Quantities must be positive.");
    }
    Checkout.Placement placement =
        checkout.place(idempotencyKey, new PlaceOrder(customerId, lines, request.cardToken()));
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/orders/" + placement.order().id()))
        .header("Idempotent-Replayed", Boolean.toString(placement.replayed()))
        .body(OrderResponse.of(placement.order()));
  }

  @GetMapping("/{id}")
  OrderResponse order(@PathVariable UUID id, @Parameter(hidden = true) Caller caller) {
    Order order = queries.order(new OrderId(id));
    if (!caller.isCustomer(order.customerId()) && !caller.hasAnyRole(Role.ADMIN)) {
      throw new AccessDeniedException("This order belongs to another customer.");
    }
    return OrderResponse.of(order);
  }

  /**
   * A customer's orders, newest first; {@code customerId} defaults to the token's customer, and
   * only an operator may name another.
   */
  @GetMapping
  List<OrderResponse> ofCustomer(
      @RequestParam(required = false) @Size(max = 100) String customerId,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
      @Parameter(hidden = true) Caller caller) {
    String customer = customerId != null ? customerId : caller.customerId().orElse(null);
    if (customer == null || customer.isBlank()) {
      throw new InvalidFieldException("customerId", "is required with a token of no customer");
    }
    if (!caller.isCustomer(customer) && !caller.hasAnyRole(Role.ADMIN)) {
      throw new AccessDeniedException("These are another customer's orders.");
    }
    return queries.ofCustomer(customer, page, size).stream().map(OrderResponse::of).toList();
  }

  /**
   * The customer an order is placed for: a customer token's own, or, for an operator or a service,
   * the one the body names.
   */
  private static String customerOf(Caller caller, String requested) {
    boolean onBehalf = caller.hasAnyRole(Role.ADMIN, Role.SERVICE);
    if (caller.hasAnyRole(Role.CUSTOMER) && !onBehalf) {
      String own =
          caller
              .customerId()
              .orElseThrow(() -> new AccessDeniedException("The token names no customer."));
      if (requested != null && !requested.equals(own)) {
        throw new AccessDeniedException(
            "A customer places orders for themselves only: customerId must be the token's"
                + " customer or left out.");
      }
      return own;
    }
    String customer = requested != null ? requested : caller.customerId().orElse(null);
    if (customer == null || customer.isBlank()) {
      throw new InvalidFieldException(
          "customerId", "must name the customer when the token is not a customer's");
    }
    return customer;
  }

  /** 400: the request is malformed in a way bean validation does not cover. */
  static final class BadRequest extends RuntimeException {
    BadRequest(String detail) {
      super(detail);
    }
  }

  /** 422: the request is well-formed but cannot be carried out. */
  static final class Unprocessable extends RuntimeException {
    Unprocessable(String detail) {
      super(detail);
    }
  }

  @ExceptionHandler(BadRequest.class)
  ProblemDetail badRequest(BadRequest e) {
    return problem(HttpStatus.BAD_REQUEST, "Bad request", e.getMessage());
  }

  @ExceptionHandler(Unprocessable.class)
  ProblemDetail unprocessable(Unprocessable e) {
    return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Cannot place this order", e.getMessage());
  }

  @ExceptionHandler(OrderProblem.class)
  ProblemDetail orderProblem(OrderProblem e) {
    return switch (e.kind()) {
      case ORDER_NOT_FOUND -> problem(HttpStatus.NOT_FOUND, "Order not found", e.getMessage());
      case IDEMPOTENCY_KEY_REUSED ->
          problem(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused", e.getMessage());
      case UNKNOWN_PRODUCT, MIXED_CURRENCIES, TOTAL_TOO_LARGE ->
          problem(HttpStatus.UNPROCESSABLE_ENTITY, "Cannot place this order", e.getMessage());
    };
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
