package dev.mercado.orders.application;

import dev.mercado.orders.OrdersProperties;
import dev.mercado.orders.domain.IdempotencyKeys;
import dev.mercado.orders.domain.Order;
import dev.mercado.orders.domain.OrderId;
import dev.mercado.orders.domain.OrderLine;
import dev.mercado.orders.domain.OrderRepository;
import dev.mercado.orders.domain.ProductCopies;
import dev.mercado.orders.domain.ProductCopy;
import dev.mercado.orders.domain.SagaAction;
import dev.mercado.platform.observability.Correlation;
import io.micrometer.tracing.BaggageInScope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Placing an order: prices the lines from orders' own copy of the catalogue (no call to catalog),
 * stores the order and starts its saga, all in one transaction with the outbox messages.
 *
 * <p>Idempotent per Idempotency-Key: the key is claimed by inserting it (primary key); a second
 * request with the key waits for the first's transaction, then gets the same order back, or 422
 * when its body differs.
 *
 * <p>An order whose total is above {@link Order#MAX_TOTAL} is refused ({@link
 * OrderProblem.Kind#TOTAL_TOO_LARGE}) and nothing of it is stored.
 */
@Service
public class Checkout {

  private static final Logger log = LoggerFactory.getLogger(Checkout.class);

  /** The order, and whether it was placed by an earlier request with the same key. */
  public record Placement(Order order, boolean replayed) {}

  private final OrderRepository orders;
  private final ProductCopies products;
  private final IdempotencyKeys keys;
  private final SagaMessages messages;
  private final OrdersProperties properties;
  private final Clock clock;
  private final OrderMetrics metrics;
  private final Correlation correlation;

  Checkout(
      OrderRepository orders,
      ProductCopies products,
      IdempotencyKeys keys,
      SagaMessages messages,
      OrdersProperties properties,
      Clock clock,
      OrderMetrics metrics,
      Correlation correlation) {
    this.orders = orders;
    this.products = products;
    this.keys = keys;
    this.messages = messages;
    this.properties = properties;
    this.clock = clock;
    this.metrics = metrics;
    this.correlation = correlation;
  }

  @Transactional
  public Placement place(String idempotencyKey, PlaceOrder request) {
    OrderId id = OrderId.random();
    // from here on, logs, spans and every message of this order carry its id (O2, O3)
    try (BaggageInScope order = correlation.order(id.toString())) {
      return place(id, idempotencyKey, request);
    }
  }

  private Placement place(OrderId id, String idempotencyKey, PlaceOrder request) {
    String hash = sha256(request.canonical());
    Optional<IdempotencyKeys.Use> earlier = keys.claim(idempotencyKey, hash, id);
    if (earlier.isPresent()) {
      if (!earlier.get().requestHash().equals(hash)) {
        throw new OrderProblem(
            OrderProblem.Kind.IDEMPOTENCY_KEY_REUSED,
            "This Idempotency-Key was used for a different request.");
      }
      return new Placement(orders.find(earlier.get().orderId()).orElseThrow(), true);
    }
    Order order =
        Order.place(
            id,
            request.customerId(),
            price(request.lines()),
            request.cardToken(),
            clock.instant(),
            properties.deadlines());
    if (order.total().amount().compareTo(Order.MAX_TOTAL) > 0) {
      // bad input, not a failure of orders: refused before anything is stored, and the key's
      // claim is rolled back with the transaction
      throw new OrderProblem(
          OrderProblem.Kind.TOTAL_TOO_LARGE,
          "The order's total, "
              + order.total().amount().toPlainString()
              + " "
              + order.total().currency().getCurrencyCode()
              + ", is above the largest total an order may have: "
              + Order.MAX_TOTAL_TEXT
              + ".");
    }
    orders.insert(order);
    messages.placed(order);
    messages.transitions(order, order.history());
    messages.actions(order, List.of(SagaAction.RESERVE_STOCK));
    metrics.placed();
    log.info("order {} placed: {} line(s), total {}", id, order.lines().size(), order.total());
    return new Placement(order, false);
  }

  private List<OrderLine> price(List<PlaceOrder.Line> lines) {
    Map<UUID, ProductCopy> known =
        products.find(lines.stream().map(PlaceOrder.Line::productId).toList());
    List<UUID> unknown =
        lines.stream()
            .map(PlaceOrder.Line::productId)
            .filter(id -> !known.containsKey(id))
            .toList();
    if (!unknown.isEmpty()) {
      throw new OrderProblem(OrderProblem.Kind.UNKNOWN_PRODUCT, "Unknown products: " + unknown);
    }
    List<OrderLine> priced = new ArrayList<>();
    for (PlaceOrder.Line line : lines) {
      ProductCopy product = known.get(line.productId());
      priced.add(
          new OrderLine(product.productId(), product.name(), line.quantity(), product.price()));
    }
    if (priced.stream().map(line -> line.unitPrice().currency()).distinct().count() > 1) {
      throw new OrderProblem(
          OrderProblem.Kind.MIXED_CURRENCIES, "All products of one order must share a currency.");
    }
    return priced;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
