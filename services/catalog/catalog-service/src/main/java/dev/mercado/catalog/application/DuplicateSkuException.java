package dev.mercado.catalog.application;

/** Another product already has the SKU a new product was given. */
public class DuplicateSkuException extends RuntimeException {

  private final String sku;

  public DuplicateSkuException(String sku) {
    super("A product with SKU " + sku + " exists already");
    this.sku = sku;
  }

  public String sku() {
    return sku;
  }
}
