package dev.mercado.catalog.web;

import dev.mercado.catalog.CatalogProperties;
import dev.mercado.catalog.application.ProductCatalog;
import dev.mercado.catalog.application.ProductNotFoundException;
import dev.mercado.catalog.domain.ProductId;
import dev.mercado.catalog.domain.ProductPage;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Browsing the catalogue: a paged list, searchable by name or SKU, and product details. The details
 * are deprecated in favour of {@link ProductV2Controller} (F9): they answer as before, with {@code
 * Deprecation}, {@code Sunset} and a {@code successor-version} link; the list is not.
 */
@RestController
@RequestMapping("/api/v1/catalog/products")
class ProductController {

  private final ProductCatalog catalog;
  private final CatalogProperties.Retirement retirement;

  ProductController(ProductCatalog catalog, CatalogProperties properties) {
    this.catalog = catalog;
    this.retirement = properties.productV1();
  }

  record ProductPageResponse(
      List<ProductResponse> items, int page, int size, long totalItems, long totalPages) {

    static ProductPageResponse of(ProductPage page) {
      return new ProductPageResponse(
          page.items().stream().map(ProductResponse::of).toList(),
          page.page(),
          page.size(),
          page.totalItems(),
          page.totalPages());
    }
  }

  /**
   * @param q text the name or SKU contains, case-insensitively; absent or blank for everything
   */
  @GetMapping
  ProductPageResponse list(
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
      @RequestParam(required = false) @Size(max = 100) String q) {
    return ProductPageResponse.of(catalog.page(page, size, q));
  }

  /**
   * The product, and a view reported to the telemetry stream (best effort). Deprecated: {@code GET
   * /api/v2/catalog/products/{id}} replaces it; the contract stays as it is until the sunset.
   */
  // springdoc marks the operation deprecated in the OpenAPI document
  @Deprecated
  @GetMapping("/{id}")
  ResponseEntity<ProductResponse> product(@PathVariable UUID id) {
    ProductId productId = new ProductId(id);
    ProductResponse product =
        catalog
            .view(productId)
            .map(ProductResponse::of)
            .orElseThrow(() -> new ProductNotFoundException(productId));
    return ResponseEntity.ok()
        .headers(DeprecationHeaders.of(retirement, ProductV2Controller.PATH + "/" + id))
        .body(product);
  }
}
