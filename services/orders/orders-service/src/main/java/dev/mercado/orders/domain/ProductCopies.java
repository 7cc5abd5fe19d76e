package dev.mercado.orders.domain;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Port to orders' read model of the catalogue. */
public interface ProductCopies {

  /** Stores the copy unless a copy with the same or a newer version is already there. */
  boolean upsertIfNewer(ProductCopy copy);

  Map<UUID, ProductCopy> find(Collection<UUID> productIds);
}
