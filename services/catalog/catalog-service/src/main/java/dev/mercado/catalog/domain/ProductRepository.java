package dev.mercado.catalog.domain;

import java.util.Optional;

/** Port to the products catalog owns. */
public interface ProductRepository {

  Optional<Product> findById(ProductId id);

  /**
   * @param page zero-based page number
   * @param size products per page, at least 1
   */
  ProductPage findPage(int page, int size);
}
