package dev.mercado.platform.ratelimit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathPatternsTest {

  @ParameterizedTest
  @CsvSource({
    "/api/v1/orders, /api/v1/orders, true",
    "/api/v1/orders, /api/v1/orders/1, false",
    "/api/v1/orders/**, /api/v1/orders, true",
    "/api/v1/orders/**, /api/v1/orders/1/cancel, true",
    "/api/v1/*/products, /api/v1/catalog/products, true",
    "/api/v1/*/products, /api/v1/catalog/x/products, false",
    "/api/v1/orders/{id}/cancel, /api/v1/orders/42/cancel, true",
    "/api/v1/orders/{id}/cancel, /api/v1/orders//cancel, false",
    "/api/v1/catalog/prod*, /api/v1/catalog/products?q=mug, true",
    "/**/health, /actuator/health, true",
    "/api/v?/orders, /api/v2/orders, true"
  })
  void matchesSegmentBySegment(String pattern, String path, boolean matches) {
    assertThat(PathPatterns.matches(pattern, path)).isEqualTo(matches);
  }
}
