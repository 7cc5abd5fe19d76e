package dev.mercado.catalog.domain;

import java.util.List;

/** One page of products, ordered by SKU, and how many products there are in all. */
public record ProductPage(List<Product> items, int page, int size, long totalItems) {

  public ProductPage {
    items = List.copyOf(items);
  }

  public long totalPages() {
    return (totalItems + size - 1) / size;
  }
}
