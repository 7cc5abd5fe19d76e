package dev.mercado.catalog.domain;

/**
 * Port to the search analytics stream. Best effort: a search may be lost, and reporting one never
 * blocks the caller for long nor fails it.
 */
public interface SearchAnalytics {

  void searched(String query, long results);
}
