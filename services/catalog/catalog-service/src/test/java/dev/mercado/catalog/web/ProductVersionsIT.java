package dev.mercado.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercado.catalog.RunningCatalog;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two versions of a product's details side by side (F9): v2 with its new contract, v1 unchanged but
 * telling its clients, in every answer, since when it is deprecated, when it goes and what replaces
 * it; the list, not deprecated, says nothing.
 */
class ProductVersionsIT extends RunningCatalog {

  private static final String ADMIN = "/api/v1/catalog/admin/products";

  @Test
  void showsPriceInMinorUnitsAndAvailabilityInV2() throws Exception {
    String plenty = newProduct("9.90", 100);
    String few = newProduct("12.50", 3);
    String none = newProduct("1", 0);

    HttpResponse<String> response = get("/api/v2/catalog/products/" + plenty);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode product = json(response);
    assertThat(product.get("id").asString()).isEqualTo(plenty);
    assertThat(product.get("price").get("amountMinor").isIntegralNumber()).isTrue();
    assertThat(product.get("price").get("amountMinor").asLong()).isEqualTo(990);
    assertThat(product.get("price").get("currency").asString()).isEqualTo("EUR");
    assertThat(product.get("availability").asString()).isEqualTo("IN_STOCK");
    assertThat(product.has("availableStock")).isFalse();
    assertThat(response.headers().firstValue("Deprecation")).isEmpty();
    assertThat(availability(few)).isEqualTo("LOW");
    assertThat(
            json(get("/api/v2/catalog/products/" + few)).get("price").get("amountMinor").asLong())
        .isEqualTo(1250);
    assertThat(availability(none)).isEqualTo("OUT_OF_STOCK");
  }

  @Test
  void keepsTheV1ContractAndAnnouncesItsRetirement() throws Exception {
    String id = newProduct("9.90", 7);

    HttpResponse<String> response = get("/api/v1/catalog/products/" + id);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("\"amount\":9.90", "\"availableStock\":7");
    // RFC 9745: a structured-field date, @ and seconds since the epoch (2026-11-26T00:00:00Z)
    assertThat(response.headers().firstValue("Deprecation")).hasValue("@1795651200");
    // RFC 8594: an HTTP-date
    assertThat(response.headers().firstValue("Sunset")).hasValue("Wed, 30 Jun 2027 00:00:00 GMT");
    assertThat(response.headers().firstValue("Link"))
        .hasValue("</api/v2/catalog/products/" + id + ">; rel=\"successor-version\"");
  }

  @Test
  void deprecatesOnlyTheDetailsNotTheList() throws Exception {
    HttpResponse<String> list = get("/api/v1/catalog/products?size=1");
    HttpResponse<String> document = get("/v3/api-docs");

    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.headers().firstValue("Deprecation")).isEmpty();
    assertThat(list.headers().firstValue("Sunset")).isEmpty();
    JsonNode paths = json(document).get("paths");
    assertThat(paths.get("/api/v1/catalog/products/{id}").get("get").path("deprecated").asBoolean())
        .isTrue();
    assertThat(paths.get("/api/v1/catalog/products").get("get").path("deprecated").asBoolean())
        .isFalse();
    assertThat(paths.has("/api/v2/catalog/products/{id}")).isTrue();
  }

  @Test
  void answersAnUnknownProductInV2With404ProblemDetails() throws Exception {
    HttpResponse<String> response = get("/api/v2/catalog/products/" + UUID.randomUUID());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("\"title\":\"Product not found\"");
  }

  private String availability(String id) throws Exception {
    return json(get("/api/v2/catalog/products/" + id)).get("availability").asString();
  }

  /** A new product with its price in EUR and units in stock; its id. */
  private String newProduct(String amount, int stock) throws Exception {
    String sku = "V-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    HttpResponse<String> created =
        post(
            ADMIN,
            """
            {"sku": "%s", "name": "Versioned", "description": "for a test",
             "price": {"amount": %s, "currency": "EUR"}, "initialStock": %d}"""
                .formatted(sku, amount, stock));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json(created).get("id").asString();
  }
}
