package dev.mercado.catalog.api;

import java.util.UUID;

/**
 * A product as {@code GET /api/v2/catalog/products/{id}} shows it: version 2 of the product's
 * contract (F9). It changes two things of version 1, which stays, deprecated, until its {@code
 * Sunset} date:
 *
 * <ul>
 *   <li>the price is an integer count of the currency's minor units ({@code 990} for 9.90 EUR), so
 *       clients in any language read it exactly, without decimal parsing;
 *   <li>stock is an {@link Availability} instead of a unit count: a shop front only needs to say
 *       "in stock", "only a few left" or "sold out", and catalog may change how it counts stock
 *       without breaking clients that relied on the number.
 * </ul>
 *
 * Catalog answers 404 problem details for an unknown id. Fields may be added within version 2; none
 * is removed or changes meaning (clients must ignore fields they do not know).
 *
 * @param description may be empty, never null
 */
public record ProductV2(
    UUID id, String sku, String name, String description, Price price, Availability availability) {

  /** Units available at or below which a product is {@link Availability#LOW}. */
  public static final int LOW_STOCK = 5;

  /**
   * @param amountMinor the amount in the currency's minor units (cents for EUR), never negative
   * @param currency ISO 4217 code, e.g. {@code EUR}
   */
  public record Price(long amountMinor, String currency) {}

  /**
   * Whether a product can be ordered now; availability at the time of the answer, not a promise.
   */
  public enum Availability {
    /** More than {@link ProductV2#LOW_STOCK} units can be ordered. */
    IN_STOCK,
    /** Between 1 and {@link ProductV2#LOW_STOCK} units can be ordered. */
    LOW,
    /** Nothing can be ordered now. */
    OUT_OF_STOCK
  }
}
