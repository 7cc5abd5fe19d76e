package dev.mercado.gateway.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The last copy of each product catalog gave this gateway, for when catalog cannot give it again
 * (fallback to cached data, R12). Bounded in count (least recently used out first) and in age: a
 * copy older than {@code maxAge} is never shown. Thread-safe (one lock; every operation is a few
 * map steps).
 *
 * <p>The trade-off: a page stays whole while catalog is down or slow, at the price of showing what
 * may no longer be true, a price changed or units sold since the copy was taken. Pages mark such
 * products {@code "stale":true} so clients can say so, and the age bound limits how wrong they can
 * be. No harm is done to what customers pay: orders prices an order at checkout from its own copy
 * of the catalogue, never from a page. The cache is in memory and per gateway instance: a restarted
 * or another instance has nothing to fall back on until it has served the product once; a shared
 * cache would survive that but would be one more dependency to fail.
 */
final class LastKnownProducts {

  private record Copy(Map<String, Object> product, Instant takenAt) {}

  private final int size;
  private final Duration maxAge;
  private final Clock clock;
  // access order: the first entry is the least recently used
  private final LinkedHashMap<UUID, Copy> copies = new LinkedHashMap<>(64, 0.75f, true);

  LastKnownProducts(int size, Duration maxAge, Clock clock) {
    if (size < 1) {
      throw new IllegalArgumentException("the cache must hold at least one product: " + size);
    }
    if (maxAge.isNegative()) {
      throw new IllegalArgumentException("a maximum age cannot be negative: " + maxAge);
    }
    this.size = size;
    this.maxAge = maxAge;
    this.clock = clock;
  }

  /** Keeps {@code product} as the last known copy, dropping the least recently used beyond size. */
  synchronized void remember(UUID id, Map<String, Object> product) {
    copies.put(id, new Copy(product, clock.instant()));
    Iterator<UUID> oldest = copies.keySet().iterator();
    while (copies.size() > size) {
      oldest.next();
      oldest.remove();
    }
  }

  /** The last known copy if it is at most {@code maxAge} old. */
  synchronized Optional<Map<String, Object>> recall(UUID id) {
    Copy copy = copies.get(id);
    if (copy == null) {
      return Optional.empty();
    }
    if (copy.takenAt().plus(maxAge).isBefore(clock.instant())) {
      copies.remove(id);
      return Optional.empty();
    }
    return Optional.of(copy.product());
  }

  /** Drops the copy of a product catalog says no longer exists. */
  synchronized void forget(UUID id) {
    copies.remove(id);
  }
}
