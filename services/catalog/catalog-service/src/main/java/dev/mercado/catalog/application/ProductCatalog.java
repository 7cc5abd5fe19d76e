package dev.mercado.catalog.application;

import dev.mercado.catalog.domain.Product;
import dev.mercado.catalog.domain.ProductId;
import dev.mercado.catalog.domain.ProductPage;
import dev.mercado.catalog.domain.ProductRepository;
import dev.mercado.catalog.domain.ProductViews;
import dev.mercado.catalog.domain.SearchAnalytics;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Read use cases of the catalogue. */
@Service
@Transactional(readOnly = true)
public class ProductCatalog {

  private final ProductRepository products;
  private final ProductViews views;
  private final SearchAnalytics searches;

  ProductCatalog(ProductRepository products, ProductViews views, SearchAnalytics searches) {
    this.products = products;
    this.views = views;
    this.searches = searches;
  }

  public Optional<Product> product(ProductId id) {
    return products.findById(id);
  }

  /**
   * A product someone looks at, reported to the view telemetry. Runs outside a transaction, so even
   * the short wait a slow broker may cost never holds a database connection.
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public Optional<Product> view(ProductId id) {
    Optional<Product> product = products.findById(id);
    product.ifPresent(found -> views.viewed(found.id()));
    return product;
  }

  /**
   * @param search text the name or SKU contains, case-insensitively; blank for every product
   */
  public ProductPage page(int page, int size, String search) {
    String query = search == null ? "" : search.strip();
    ProductPage found = products.findPage(page, size, query);
    if (!query.isEmpty() && page == 0) {
      searches.searched(query, found.totalItems());
    }
    return found;
  }
}
