package dev.mercado.gateway.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LastKnownProductsTest {

  private final MovingClock clock = new MovingClock();
  private final LastKnownProducts cache = new LastKnownProducts(2, Duration.ofMinutes(10), clock);

  @Test
  void recallsTheLastCopyItWasGiven() {
    UUID mug = UUID.randomUUID();
    cache.remember(mug, aProduct("Mug", "9.90"));
    cache.remember(mug, aProduct("Mug", "11.00"));

    assertThat(cache.recall(mug)).hasValue(aProduct("Mug", "11.00"));
  }

  @Test
  void dropsTheLeastRecentlyUsedCopyBeyondItsSize() {
    UUID mug = UUID.randomUUID();
    UUID tee = UUID.randomUUID();
    UUID bag = UUID.randomUUID();
    cache.remember(mug, aProduct("Mug", "9.90"));
    cache.remember(tee, aProduct("Tee", "19.90"));
    cache.recall(mug);

    cache.remember(bag, aProduct("Bag", "29.90"));

    assertThat(cache.recall(tee)).isEmpty();
    assertThat(cache.recall(mug)).isPresent();
    assertThat(cache.recall(bag)).isPresent();
  }

  @Test
  void neverShowsACopyOlderThanItsMaximumAge() {
    UUID mug = UUID.randomUUID();
    cache.remember(mug, aProduct("Mug", "9.90"));

    clock.advance(Duration.ofMinutes(10));
    assertThat(cache.recall(mug)).isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThat(cache.recall(mug)).isEmpty();
  }

  @Test
  void forgetsAProductCatalogNoLongerHas() {
    UUID mug = UUID.randomUUID();
    cache.remember(mug, aProduct("Mug", "9.90"));

    cache.forget(mug);

    assertThat(cache.recall(mug)).isEmpty();
  }

  private static Map<String, Object> aProduct(String name, String price) {
    return Map.of("name", name, "price", Map.of("amount", price, "currency", "EUR"));
  }

  /** A clock the test moves forward. */
  private static final class MovingClock extends Clock {

    private Instant now = Instant.parse("2026-11-26T10:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
