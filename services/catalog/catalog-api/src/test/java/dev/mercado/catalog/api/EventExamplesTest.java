package dev.mercado.catalog.api;

import static dev.mercado.testkit.EventContracts.assertExampleMatches;

import org.junit.jupiter.api.Test;

/** Each checked-in example is what catalog's payload records read and write (P5). */
class EventExamplesTest {

  @Test
  void everyExampleMatchesItsPayloadRecord() {
    assertExampleMatches(CatalogTopics.PRODUCT_CHANGED, ProductChanged.class);
    assertExampleMatches(CatalogTopics.STOCK_RESERVED, StockReserved.class);
    assertExampleMatches(CatalogTopics.STOCK_REJECTED, StockRejected.class);
    assertExampleMatches(CatalogTopics.STOCK_RELEASED, StockReleased.class);
    assertExampleMatches(CatalogTopics.PRODUCT_VIEWED, ProductViewed.class);
    assertExampleMatches(CatalogTopics.PRODUCT_SEARCHED, ProductSearched.class);
  }
}
