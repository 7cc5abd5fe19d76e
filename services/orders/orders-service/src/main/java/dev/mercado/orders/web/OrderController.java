package dev.mercado.orders.web;

import dev.mercado.orders.application.Checkout;
import dev.mercado.orders.application.OrderProblem;
import dev.mercado.orders.application.OrderQueries;
import dev.mercado.orders.application.PlaceOrder;
import dev.mercado.orders.domain.Order;
import dev.mercado.orders.domain.OrderId;
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
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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

  record PlaceOrderRequest(
      @NotBlank @Size(max = 100) String customerId,
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

  @PostMapping
  ResponseEntity<OrderResponse> place(
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @Valid @RequestBody PlaceOrderRequest request) {
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
        checkout.place(
            idempotencyKey, new PlaceOrder(request.customerId(), lines, request.cardToken()));
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/orders/" + placement.order().id()))
        .header("Idempotent-Replayed", Boolean.toString(placement.replayed()))
        .body(OrderResponse.of(placement.order()));
  }

  @GetMapping("/{id}")
  OrderResponse order(@PathVariable UUID id) {
    return OrderResponse.of(queries.order(new OrderId(id)));
  }

  @GetMapping
  List<OrderResponse> ofCustomer(
      @RequestParam @NotBlank String customerId,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return queries.ofCustomer(customerId, page, size).stream().map(OrderResponse::of).toList();
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
      case UNKNOWN_PRODUCT, MIXED_CURRENCIES ->
          problem(HttpStatus.UNPROCESSABLE_ENTITY, "Cannot place this order", e.getMessage());
    };
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }
}
