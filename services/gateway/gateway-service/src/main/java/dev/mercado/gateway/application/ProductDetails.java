package dev.mercado.gateway.application;

import java.util.Map;

/**
 * A product as catalog describes it.
 *
 * @param fields catalog's document, as it sent it
 * @param stale true when catalog failed and this is the last copy it gave (at most the cache's max
 *     age old): the price or stock may have changed since
 */
public record ProductDetails(Map<String, Object> fields, boolean stale) {}
