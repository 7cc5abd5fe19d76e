package dev.mercado.catalog.api;

/**
 * Someone searched the catalogue (analytics).
 *
 * @param query the search text, trimmed
 * @param results how many products matched
 */
public record ProductSearched(String query, long results) {}
