package dev.mercado.catalog;

import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of catalog, under {@code mercado.catalog}.
 *
 * @param productV1 the retirement of {@code GET /api/v1/catalog/products/{id}}, replaced by v2
 */
@ConfigurationProperties("mercado.catalog")
public record CatalogProperties(@DefaultValue Retirement productV1) {

  /**
   * When a deprecated endpoint version was deprecated and when it may stop answering (F9), told to
   * its clients in every answer it gives.
   *
   * @param deprecation when it was deprecated, sent as RFC 9745 {@code Deprecation} (default
   *     2026-11-26T00:00:00Z)
   * @param sunset from when it may no longer answer, sent as RFC 8594 {@code Sunset} (default
   *     2027-06-30T00:00:00Z)
   */
  public record Retirement(
      @DefaultValue("2026-11-26T00:00:00Z") Instant deprecation,
      @DefaultValue("2027-06-30T00:00:00Z") Instant sunset) {

    public Retirement {
      if (sunset.isBefore(deprecation)) {
        throw new IllegalArgumentException(
            "an endpoint's sunset (" + sunset + ") cannot come before its deprecation");
      }
    }
  }
}
