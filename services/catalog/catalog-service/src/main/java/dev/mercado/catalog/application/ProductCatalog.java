package dev.mercado.catalog.application;

import dev.mercado.catalog.domain.Product;
import dev.mercado.catalog.domain.ProductId;
import dev.mercado.catalog.domain.ProductPage;
import dev.mercado.catalog.domain.ProductRepository;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read use cases of the catalogue. */
@Service
@Transactional(readOnly = true)
public class ProductCatalog {

  private final ProductRepository products;

  ProductCatalog(ProductRepository products) {
    this.products = products;
  }

  public Optional<Product> product(ProductId id) {
    return products.findById(id);
  }

  public ProductPage page(int page, int size) {
    return products.findPage(page, size);
  }
}
