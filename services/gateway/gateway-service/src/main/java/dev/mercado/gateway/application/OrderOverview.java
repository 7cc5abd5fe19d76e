package dev.mercado.gateway.application;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An order's page: the order with its payment, its notifications and the products of its lines. A
 * part that could not be had is named in {@code missing} and holds its empty value.
 *
 * @param order orders' document; always there
 * @param payment payments' document; null while there is none, or when missing
 * @param notifications notifications' documents; empty when there are none, or when missing
 * @param products each product of the order's lines by id, in line order; a product in {@code
 *     missing} is absent, a stale one is marked
 * @param missing what the page lacks and why; empty when it is complete
 */
public record OrderOverview(
    Map<String, Object> order,
    Map<String, Object> payment,
    List<Map<String, Object>> notifications,
    Map<UUID, ProductDetails> products,
    List<MissingPart> missing) {

  /** Whether some part is missing (stale products are there, so they do not count). */
  public boolean partial() {
    return !missing.isEmpty();
  }
}
