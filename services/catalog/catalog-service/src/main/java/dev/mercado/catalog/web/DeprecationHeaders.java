package dev.mercado.catalog.web;

import dev.mercado.catalog.CatalogProperties;
import org.springframework.http.HttpHeaders;

/**
 * The header fields a deprecated endpoint version sends with every answer (F9), so clients and
 * their monitoring learn of the retirement from the traffic itself, not from release notes:
 *
 * <ul>
 *   <li>{@code Deprecation: @<unix seconds>} (RFC 9745, a structured-field date): since when;
 *   <li>{@code Sunset: <HTTP-date>} (RFC 8594): from when it may stop answering;
 *   <li>{@code Link: <successor>; rel="successor-version"}: what to use instead.
 * </ul>
 */
final class DeprecationHeaders {

  static final String DEPRECATION = "Deprecation";
  static final String SUNSET = "Sunset";

  private DeprecationHeaders() {}

  /**
   * @param successor the path of the version that replaces this one for the same resource
   */
  static HttpHeaders of(CatalogProperties.Retirement retirement, String successor) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(DEPRECATION, "@" + retirement.deprecation().getEpochSecond());
    // HTTP-date (IMF-fixdate), as Date and Last-Modified are written
    headers.setDate(SUNSET, retirement.sunset().toEpochMilli());
    headers.set(HttpHeaders.LINK, "<" + successor + ">; rel=\"successor-version\"");
    return headers;
  }
}
