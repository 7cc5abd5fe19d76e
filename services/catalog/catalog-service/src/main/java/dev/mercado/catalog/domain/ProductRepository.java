package dev.mercado.catalog.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Port to the products catalog owns. Methods that lock rows must run inside the caller's
 * transaction; the locks are held until it ends.
 */
public interface ProductRepository {

  Optional<Product> findById(ProductId id);

  /**
   * @param page zero-based page number
   * @param size products per page, at least 1
   * @param search text the name or SKU contains, case-insensitively; blank for every product
   */
  ProductPage findPage(int page, int size, String search);

  /** The product, its row locked against concurrent changes. */
  Optional<Product> lock(ProductId id);

  /**
   * The products that exist among {@code ids}, their rows locked one after the other in id order:
   * every transaction that locks several products takes them in the same order, so two of them
   * never wait for each other in a circle.
   */
  List<Product> lockAll(Collection<ProductId> ids);

  /**
   * @return false if another product has the same SKU (nothing is stored then)
   */
  boolean insert(Product product);

  /** Stores the price, stock and version of a product whose row the caller locked. */
  void update(Product product);

  /** Up to {@code limit} products whose latest version was not announced yet, locked. */
  List<Product> lockUnannounced(int limit);

  /** Records that the product's current version was announced to other services. */
  void markAnnounced(Product product);
}
