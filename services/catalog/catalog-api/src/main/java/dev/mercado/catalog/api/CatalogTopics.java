package dev.mercado.catalog.api;

/**
 * Kafka topics catalog publishes to. Each name is also the CloudEvents {@code type} of the events
 * on it. Keys: the product id for product events, the order id for stock answers.
 */
public final class CatalogTopics {

  /** {@link ProductChanged}: a product was created or its name or price changed (acks=all). */
  public static final String PRODUCT_CHANGED = "catalog.product-changed";

  /** {@link StockReserved}: every line of an order is reserved. */
  public static final String STOCK_RESERVED = "catalog.stock-reserved";

  /** {@link StockRejected}: at least one line could not be reserved; nothing is reserved. */
  public static final String STOCK_REJECTED = "catalog.stock-rejected";

  /** {@link StockReleased}: an order's reservation is released (or was never made). */
  public static final String STOCK_RELEASED = "catalog.stock-released";

  /**
   * {@link ProductViewed}: telemetry, published with {@code acks=0} — losing a few views costs
   * nothing, and the product page must never wait for the broker (R9).
   */
  public static final String PRODUCT_VIEWED = "catalog.product-viewed";

  /**
   * {@link ProductSearched}: analytics of what customers search for, published with {@code acks=1}
   * — the leader's acknowledgement is enough for counting trends (a search lost in a leader
   * fail-over does not change a trend), without waiting for replicas like a business event (R9).
   * Not outboxed either.
   */
  public static final String PRODUCT_SEARCHED = "catalog.product-searched";

  private CatalogTopics() {}
}
