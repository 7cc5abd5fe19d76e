package dev.mercado.catalog.web;

import dev.mercado.catalog.application.ProductAdministration;
import dev.mercado.catalog.domain.Product;
import dev.mercado.catalog.domain.ProductId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Managing the catalogue: new products, prices and restocking. Authentication comes with the
 * gateway's security (issue 5); until then these paths are only kept apart under {@code admin}.
 */
@RestController
@RequestMapping("/api/v1/catalog/admin/products")
class ProductAdminController {

  private final ProductAdministration administration;

  ProductAdminController(ProductAdministration administration) {
    this.administration = administration;
  }

  record NewProductRequest(
      @NotBlank
          @Pattern(
              regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
              message = "must be 1 to 64 letters, digits, '.', '_' or '-'")
          String sku,
      @NotBlank @Size(max = 200) String name,
      @Size(max = 2000) String description,
      @NotNull @Valid MoneyPayload price,
      @NotNull @Min(0) @Max(1_000_000) Integer initialStock) {}

  record RestockRequest(@NotNull @Min(1) @Max(1_000_000) Integer quantity) {}

  /**
   * A product with its stock in full, as the people managing it need it.
   *
   * @param version the version last announced to other services
   */
  record AdminProductResponse(
      UUID id,
      String sku,
      String name,
      String description,
      MoneyPayload price,
      int onHand,
      int reserved,
      int availableStock,
      long version) {

    static AdminProductResponse of(Product product) {
      return new AdminProductResponse(
          product.id().value(),
          product.sku(),
          product.name(),
          product.description(),
          MoneyPayload.of(product.price()),
          product.stock().onHand(),
          product.stock().reserved(),
          product.stock().available(),
          product.version());
    }
  }

  /** The stock of one product after a change. */
  record StockResponse(UUID productId, int onHand, int reserved, int availableStock) {

    static StockResponse of(Product product) {
      return new StockResponse(
          product.id().value(),
          product.stock().onHand(),
          product.stock().reserved(),
          product.stock().available());
    }
  }

  /** 201 with the product; 409 if the SKU is taken. */
  @PostMapping
  ResponseEntity<AdminProductResponse> create(@Valid @RequestBody NewProductRequest request) {
    Product product =
        administration.create(
            request.sku(),
            request.name().strip(),
            request.description() == null ? "" : request.description().strip(),
            request.price().toMoney("price"),
            request.initialStock());
    return ResponseEntity.created(URI.create("/api/v1/catalog/products/" + product.id()))
        .body(AdminProductResponse.of(product));
  }

  /** 200 with the product at its new price (and version); 404 for an unknown product. */
  @PutMapping("/{id}/price")
  AdminProductResponse changePrice(
      @PathVariable UUID id, @Valid @RequestBody MoneyPayload request) {
    return AdminProductResponse.of(
        administration.changePrice(new ProductId(id), request.toMoney("")));
  }

  /** 200 with the new stock; 404 for an unknown product. */
  @PostMapping("/{id}/restock")
  StockResponse restock(@PathVariable UUID id, @Valid @RequestBody RestockRequest request) {
    return StockResponse.of(administration.restock(new ProductId(id), request.quantity()));
  }
}
