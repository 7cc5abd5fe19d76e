package dev.mercado.orders.application;

import dev.mercado.orders.domain.ProductCopies;
import dev.mercado.orders.domain.ProductCopy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Keeps orders' copy of the catalogue (F6, M3) in step with catalog's events. */
@Service
public class ProductCopyUpdates {

  private final ProductCopies copies;

  ProductCopyUpdates(ProductCopies copies) {
    this.copies = copies;
  }

  /** Stores the copy; an event older than the copy held is ignored (returns false). */
  @Transactional
  public boolean changed(ProductCopy copy) {
    return copies.upsertIfNewer(copy);
  }
}
