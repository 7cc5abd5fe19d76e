package dev.mercado.catalog.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The stock catalog holds for one order, and the decision behind it. An order has at most one
 * reservation: a repeated request for the same order is answered from it, never reserved again.
 *
 * <p>Placing it is all or nothing: every line is checked against the locked products before any
 * stock moves, so a rejected order holds nothing. Stock only moves from {@link
 * ReservationState#RESERVED}: releasing or committing anything else changes nothing.
 *
 * @param reason why it was rejected; present exactly when the state is {@link
 *     ReservationState#REJECTED}
 * @param lines the lines asked for, one per product, ordered by product id
 * @param culprits the products that caused the rejection (empty unless rejected)
 */
public record Reservation(
    OrderId orderId,
    ReservationState state,
    RejectionReason reason,
    List<ReservationLine> lines,
    Set<ProductId> culprits,
    Instant createdAt,
    Instant updatedAt) {

  private static final Comparator<ReservationLine> BY_PRODUCT =
      Comparator.comparing(line -> line.productId().value());

  public Reservation {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if ((state == ReservationState.REJECTED) != (reason != null)) {
      throw new IllegalArgumentException("a reason is given exactly when rejected, not " + state);
    }
    if (reason == RejectionReason.ALREADY_RELEASED) {
      throw new IllegalArgumentException("an order released first is RELEASED, not rejected");
    }
    lines = lines.stream().sorted(BY_PRODUCT).toList();
    culprits = Set.copyOf(culprits);
    if (state != ReservationState.REJECTED && !culprits.isEmpty()) {
      throw new IllegalArgumentException("only a rejected reservation has culprits");
    }
  }

  /**
   * Reserves every line against {@code products} (the products the lines name that exist, locked by
   * the caller), or none of them. Lines of the same product are added up.
   *
   * @return a {@link ReservationState#RESERVED} reservation and the products with their stock
   *     reserved, or a {@link ReservationState#REJECTED} one and no product: {@link
   *     RejectionReason#UNKNOWN_PRODUCT} if a product is missing from {@code products}, else {@link
   *     RejectionReason#OUT_OF_STOCK} if a line asks for more than is available
   * @throws IllegalArgumentException if there are no lines
   */
  public static StockMovement place(
      OrderId orderId,
      Collection<ReservationLine> requested,
      Map<ProductId, Product> products,
      Instant now) {
    List<ReservationLine> lines = merge(requested);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("an order to reserve has at least one line");
    }
    Set<ProductId> unknown =
        lines.stream()
            .map(ReservationLine::productId)
            .filter(id -> !products.containsKey(id))
            .collect(Collectors.toSet());
    if (!unknown.isEmpty()) {
      return StockMovement.none(
          rejected(orderId, RejectionReason.UNKNOWN_PRODUCT, lines, unknown, now));
    }
    Set<ProductId> insufficient =
        lines.stream()
            .filter(line -> !products.get(line.productId()).stock().covers(line.quantity()))
            .map(ReservationLine::productId)
            .collect(Collectors.toSet());
    if (!insufficient.isEmpty()) {
      return StockMovement.none(
          rejected(orderId, RejectionReason.OUT_OF_STOCK, lines, insufficient, now));
    }
    List<Product> reserved = new ArrayList<>(lines.size());
    for (ReservationLine line : lines) {
      Product product = products.get(line.productId());
      reserved.add(product.withStock(product.stock().reserve(line.quantity())));
    }
    return new StockMovement(
        new Reservation(orderId, ReservationState.RESERVED, null, lines, Set.of(), now, now),
        reserved);
  }

  /**
   * The record of an order released before anything was reserved for it, so that a reservation
   * request arriving late is rejected rather than holding stock for an order that is gone.
   */
  public static Reservation releasedBeforePlaced(OrderId orderId, Instant now) {
    return new Reservation(orderId, ReservationState.RELEASED, null, List.of(), Set.of(), now, now);
  }

  /** Gives the held quantities back, if anything is held; otherwise changes nothing. */
  public StockMovement release(Map<ProductId, Product> products, Instant now) {
    if (!holdsStock()) {
      return StockMovement.none(this);
    }
    List<Product> released = new ArrayList<>(lines.size());
    for (ReservationLine line : lines) {
      Product product = locked(products, line);
      released.add(product.withStock(product.stock().release(line.quantity())));
    }
    return new StockMovement(moved(ReservationState.RELEASED, now), released);
  }

  /** The held quantities leave the stock (the order is confirmed); otherwise changes nothing. */
  public StockMovement commit(Map<ProductId, Product> products, Instant now) {
    if (!holdsStock()) {
      return StockMovement.none(this);
    }
    List<Product> committed = new ArrayList<>(lines.size());
    for (ReservationLine line : lines) {
      Product product = locked(products, line);
      committed.add(product.withStock(product.stock().commit(line.quantity())));
    }
    return new StockMovement(moved(ReservationState.COMMITTED, now), committed);
  }

  /** Whether stock is held for the order. */
  public boolean holdsStock() {
    return state == ReservationState.RESERVED;
  }

  /** The products this reservation's lines name. */
  public Set<ProductId> productIds() {
    return lines.stream().map(ReservationLine::productId).collect(Collectors.toSet());
  }

  /**
   * What a request to reserve this order is answered with: empty if its stock was reserved (held or
   * already committed), otherwise why not — the recorded reason, or {@link
   * RejectionReason#ALREADY_RELEASED} once the order was released.
   */
  public Optional<RejectionReason> rejection() {
    return switch (state) {
      case RESERVED, COMMITTED -> Optional.empty();
      case REJECTED -> Optional.of(reason);
      case RELEASED -> Optional.of(RejectionReason.ALREADY_RELEASED);
    };
  }

  private Reservation moved(ReservationState newState, Instant now) {
    return new Reservation(orderId, newState, null, lines, Set.of(), createdAt, now);
  }

  private static Reservation rejected(
      OrderId orderId,
      RejectionReason reason,
      List<ReservationLine> lines,
      Set<ProductId> culprits,
      Instant now) {
    return new Reservation(orderId, ReservationState.REJECTED, reason, lines, culprits, now, now);
  }

  private static List<ReservationLine> merge(Collection<ReservationLine> requested) {
    Map<ProductId, Integer> quantities = new LinkedHashMap<>();
    for (ReservationLine line : requested) {
      quantities.merge(line.productId(), line.quantity(), Math::addExact);
    }
    return quantities.entrySet().stream()
        .map(entry -> new ReservationLine(entry.getKey(), entry.getValue()))
        .toList();
  }

  private static Product locked(Map<ProductId, Product> products, ReservationLine line) {
    Product product = products.get(line.productId());
    if (product == null) {
      throw new IllegalStateException(
          "product " + line.productId() + " of a held reservation was not locked");
    }
    return product;
  }
}
