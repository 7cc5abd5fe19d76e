package dev.mercado.catalog.application;

import dev.mercado.catalog.api.CatalogTopics;
import dev.mercado.catalog.api.ProductChanged;
import dev.mercado.catalog.domain.Money;
import dev.mercado.catalog.domain.Product;
import dev.mercado.catalog.domain.ProductId;
import dev.mercado.catalog.domain.ProductRepository;
import dev.mercado.platform.outbox.Outbox;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing the catalogue: new products, prices and restocking. Every change other services keep a
 * copy of (creation, price) is announced as {@link ProductChanged} through the outbox, in the
 * transaction of the change (R10).
 */
@Service
@Transactional
public class ProductAdministration {

  private static final Logger log = LoggerFactory.getLogger(ProductAdministration.class);
  private static final int ANNOUNCEMENT_BATCH = 100;

  private final ProductRepository products;
  private final Outbox outbox;

  ProductAdministration(ProductRepository products, Outbox outbox) {
    this.products = products;
    this.outbox = outbox;
  }

  /**
   * @throws DuplicateSkuException if another product has {@code sku}
   */
  public Product create(
      String sku, String name, String description, Money price, int initialStock) {
    Product product =
        Product.create(
            new ProductId(UUID.randomUUID()), sku, name, description, price, initialStock);
    if (!products.insert(product)) {
      throw new DuplicateSkuException(sku);
    }
    announce(product);
    return product;
  }

  /**
   * Sets the price; a new price makes a new version of the product. Setting the price it already
   * has changes and announces nothing, so repeating the request is harmless.
   *
   * @throws ProductNotFoundException if there is no such product
   */
  public Product changePrice(ProductId id, Money price) {
    Product current = products.lock(id).orElseThrow(() -> new ProductNotFoundException(id));
    Product changed = current.withPrice(price);
    if (changed.version() != current.version()) {
      products.update(changed);
      announce(changed);
    }
    return changed;
  }

  /**
   * Adds units to the stock on hand. Stock is not part of what catalog publishes, so nothing is
   * announced.
   *
   * @throws ProductNotFoundException if there is no such product
   */
  public Product restock(ProductId id, int quantity) {
    Product current = products.lock(id).orElseThrow(() -> new ProductNotFoundException(id));
    Product restocked = current.withStock(current.stock().restock(quantity));
    products.update(restocked);
    return restocked;
  }

  /**
   * Announces every product whose latest version was never announced: those a migration created
   * (the seeded catalogue), so that other services' copies start complete. Idempotent; several
   * instances may run it at once (locked rows are skipped, not waited for).
   *
   * @return how many products were announced
   */
  public int announcePending() {
    List<Product> pending = products.lockUnannounced(ANNOUNCEMENT_BATCH);
    pending.forEach(this::announce);
    if (!pending.isEmpty()) {
      log.info("announced {} products created outside the API", pending.size());
    }
    return pending.size();
  }

  private void announce(Product product) {
    outbox.append(
        CatalogTopics.PRODUCT_CHANGED,
        CatalogTopics.PRODUCT_CHANGED,
        product.id().toString(),
        new ProductChanged(
            product.id().value(),
            product.sku(),
            product.name(),
            product.price().amount(),
            product.price().currency().getCurrencyCode(),
            product.version()));
    products.markAnnounced(product);
  }
}
