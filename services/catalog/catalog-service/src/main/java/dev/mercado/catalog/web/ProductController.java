package dev.mercado.catalog.web;

import dev.mercado.catalog.application.ProductCatalog;
import dev.mercado.catalog.domain.Product;
import dev.mercado.catalog.domain.ProductId;
import dev.mercado.catalog.domain.ProductPage;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Browsing the catalogue: a paged list and product details. */
@RestController
@RequestMapping("/api/v1/catalog/products")
class ProductController {

  private final ProductCatalog catalog;

  ProductController(ProductCatalog catalog) {
    this.catalog = catalog;
  }

  record MoneyResponse(BigDecimal amount, String currency) {}

  record ProductResponse(
      UUID id, String sku, String name, String description, MoneyResponse price) {

    static ProductResponse of(Product product) {
      return new ProductResponse(
          product.id().value(),
          product.sku(),
          product.name(),
          product.description(),
          new MoneyResponse(
              product.price().amount(), product.price().currency().getCurrencyCode()));
    }
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

  @GetMapping
  ProductPageResponse list(
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return ProductPageResponse.of(catalog.page(page, size));
  }

  @GetMapping("/{id}")
  ProductResponse product(@PathVariable UUID id) {
    return catalog
        .product(new ProductId(id))
        .map(ProductResponse::of)
        .orElseThrow(() -> notFound(id));
  }

  private static ErrorResponseException notFound(UUID id) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No product with id " + id);
    problem.setTitle("Product not found");
    return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
  }
}
