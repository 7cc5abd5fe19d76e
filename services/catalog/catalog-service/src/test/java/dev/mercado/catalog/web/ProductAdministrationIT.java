package dev.mercado.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import dev.mercado.catalog.EventLog;
import dev.mercado.catalog.RunningCatalog;
import dev.mercado.catalog.api.CatalogTopics;
import dev.mercado.catalog.api.ProductChanged;
import dev.mercado.catalog.api.ProductSearched;
import dev.mercado.catalog.api.ProductViewed;
import dev.mercado.identity.api.DemoCustomers;
import dev.mercado.platform.events.CloudEvent;
import dev.mercado.platform.events.CloudEventJson;
import dev.mercado.testkit.EventContracts;
import dev.mercado.testkit.TestIdentity;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Managing the catalogue over HTTP against real PostgreSQL and Kafka: product and price changes are
 * announced as {@link ProductChanged} CloudEvents, searches find products by name or SKU, and every
 * error is a problem naming what was wrong. Only operators may: catalog checks the role itself, so
 * a customer who calls it directly, bypassing the gateway, is refused too.
 */
class ProductAdministrationIT extends RunningCatalog {

  private static final String ADMIN = "/api/v1/catalog/admin/products";
  private final CloudEventJson events = new CloudEventJson();

  @Test
  void refusesTheAdminApiWithoutTheAdminRoleAtTheServiceItself() throws Exception {
    String customer = TestIdentity.get().customerToken(DemoCustomers.ALICE_ID);
    String sku = uniqueSku();

    HttpResponse<String> anonymous = post(ADMIN, newProduct(sku, "Forbidden mug", "1.00", 1), null);
    HttpResponse<String> asCustomer =
        post(ADMIN, newProduct(sku, "Forbidden mug", "1.00", 1), customer);

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(asCustomer.statusCode()).isEqualTo(403);
    for (HttpResponse<String> refused : List.of(anonymous, asCustomer)) {
      assertThat(refused.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(refused.body()).doesNotContain("Exception");
    }
    assertThat(get("/api/v1/catalog/products?q=" + sku).body()).doesNotContain(sku);
  }

  @Test
  void createsAProductAndAnnouncesItAsProductChanged() throws Exception {
    String sku = uniqueSku();

    HttpResponse<String> response = post(ADMIN, newProduct(sku, "Camping mug", "19.90", 7));

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode product = json(response);
    String id = product.get("id").asString();
    assertThat(response.headers().firstValue("Location"))
        .hasValue("/api/v1/catalog/products/" + id);
    assertThat(product.get("sku").asString()).isEqualTo(sku);
    assertThat(product.get("availableStock").asInt()).isEqualTo(7);
    assertThat(product.get("version").asLong()).isEqualTo(1);

    CloudEvent event = EventLog.first(CatalogTopics.PRODUCT_CHANGED, id);
    CloudEvent example = EventContracts.example(CatalogTopics.PRODUCT_CHANGED);
    assertThat(event.type()).isEqualTo(CatalogTopics.PRODUCT_CHANGED);
    assertThat(event.source()).isEqualTo("catalog");
    assertThat(event.subject()).isEqualTo(id);
    assertThat(fieldNames(event.data())).isEqualTo(fieldNames(example.data()));
    assertThat(events.data(event, ProductChanged.class))
        .isEqualTo(
            new ProductChanged(
                UUID.fromString(id), sku, "Camping mug", new BigDecimal("19.90"), "EUR", 1));
  }

  @Test
  void announcesAPriceChangeAsTheNextVersion() throws Exception {
    String id =
        json(post(ADMIN, newProduct(uniqueSku(), "Tin cup", "5.00", 1))).get("id").asString();

    HttpResponse<String> response =
        put(ADMIN + "/" + id + "/price", "{\"amount\": 6.5, \"currency\": \"EUR\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("version").asLong()).isEqualTo(2);
    List<CloudEvent> changes =
        EventLog.events(CatalogTopics.PRODUCT_CHANGED, id, found -> found.size() >= 2);
    assertThat(changes)
        .extracting(event -> events.data(event, ProductChanged.class))
        .extracting(ProductChanged::version, ProductChanged::priceAmount)
        .containsExactly(tuple(1L, new BigDecimal("5.00")), tuple(2L, new BigDecimal("6.50")));
  }

  @Test
  void findsProductsByNameOrSkuIgnoringCase() throws Exception {
    String token = "zq" + UUID.randomUUID().toString().substring(0, 6);
    String sku = ("SRCH-" + token).toUpperCase();
    post(ADMIN, newProduct(sku, "Lantern " + token, "30", 2));

    HttpResponse<String> byName =
        get("/api/v1/catalog/products?q=LANTERN%20" + token.toUpperCase());
    HttpResponse<String> bySku = get("/api/v1/catalog/products?q=srch-" + token);
    HttpResponse<String> none = get("/api/v1/catalog/products?q=no-such-" + token);

    assertThat(json(byName).get("totalItems").asLong()).isEqualTo(1);
    assertThat(json(byName).get("items").get(0).get("sku").asString()).isEqualTo(sku);
    assertThat(json(byName).get("items").get(0).get("availableStock").asInt()).isEqualTo(2);
    assertThat(json(bySku).get("items").get(0).get("sku").asString()).isEqualTo(sku);
    assertThat(json(none).get("totalItems").asLong()).isZero();
  }

  @Test
  void treatsWildcardsInTheSearchAsPlainText() throws Exception {
    HttpResponse<String> response = get("/api/v1/catalog/products?q=%25");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("totalItems").asLong()).isZero();
  }

  @Test
  void restocksAProduct() throws Exception {
    String id = json(post(ADMIN, newProduct(uniqueSku(), "Candle", "3", 2))).get("id").asString();

    HttpResponse<String> response = post(ADMIN + "/" + id + "/restock", "{\"quantity\": 5}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("onHand").asInt()).isEqualTo(7);
    assertThat(json(response).get("availableStock").asInt()).isEqualTo(7);
    assertThat(json(get("/api/v1/catalog/products/" + id)).get("availableStock").asInt())
        .isEqualTo(7);
  }

  @Test
  void rejectsAnInvalidProductNamingEachField() throws Exception {
    HttpResponse<String> response =
        post(
            ADMIN,
            """
            {"sku": "OK-1", "name": " ", "price": {"amount": -1, "currency": "euro"},
             "initialStock": -3}""");

    assertProblem(response, 400);
    assertThat(invalidFields(response))
        .containsExactlyInAnyOrder("name", "price.amount", "price.currency", "initialStock");
  }

  @Test
  void rejectsAnAmountWithMoreDecimalsThanItsCurrency() throws Exception {
    HttpResponse<String> response =
        post(ADMIN, newProduct(uniqueSku(), "Yen bowl", "5.5", 1, "JPY"));

    assertProblem(response, 400);
    assertThat(invalidFields(response)).containsExactly("price.amount");
  }

  @Test
  void rejectsAnUnknownCurrency() throws Exception {
    HttpResponse<String> response = post(ADMIN, newProduct(uniqueSku(), "Bowl", "5", 1, "XYZ"));

    assertProblem(response, 400);
    assertThat(invalidFields(response)).containsExactly("price.currency");
  }

  @Test
  void namesAFieldOfTheWrongType() throws Exception {
    HttpResponse<String> response =
        post(
            ADMIN,
            """
            {"sku": "T-1", "name": "Bowl", "price": {"amount": 5, "currency": "EUR"},
             "initialStock": "many"}""");

    assertProblem(response, 400);
    assertThat(invalidFields(response)).containsExactly("initialStock");
  }

  @Test
  void rejectsARestockOfNothing() throws Exception {
    String id = json(post(ADMIN, newProduct(uniqueSku(), "Spoon", "1", 1))).get("id").asString();

    HttpResponse<String> response = post(ADMIN + "/" + id + "/restock", "{\"quantity\": 0}");

    assertProblem(response, 400);
    assertThat(invalidFields(response)).containsExactly("quantity");
  }

  @Test
  void refusesASecondProductWithTheSameSku() throws Exception {
    String sku = uniqueSku();
    post(ADMIN, newProduct(sku, "First", "1", 1));

    HttpResponse<String> response = post(ADMIN, newProduct(sku, "Second", "2", 2));

    assertProblem(response, 409);
    assertThat(json(response).get("title").asString()).isEqualTo("Duplicate SKU");
    assertThat(json(response).get("sku").asString()).isEqualTo(sku);
  }

  @Test
  void answersChangesToAnUnknownProductWith404() throws Exception {
    String unknown = ADMIN + "/" + UUID.randomUUID();

    HttpResponse<String> price = put(unknown + "/price", "{\"amount\": 1, \"currency\": \"EUR\"}");
    HttpResponse<String> restock = post(unknown + "/restock", "{\"quantity\": 1}");

    assertProblem(price, 404);
    assertProblem(restock, 404);
    assertThat(json(price).get("title").asString()).isEqualTo("Product not found");
  }

  @Test
  void namesAnInvalidQueryParameter() throws Exception {
    HttpResponse<String> response = get("/api/v1/catalog/products?size=101");

    assertProblem(response, 400);
    assertThat(invalidFields(response)).containsExactly("size");
  }

  @Test
  void reportsProductViewsOnTheTelemetryStream() throws Exception {
    String id = json(post(ADMIN, newProduct(uniqueSku(), "Kettle", "40", 1))).get("id").asString();

    // acks=0 may lose a view (e.g. the very first, while the producer learns the topic's
    // partitions): keep looking at the product until one arrives
    List<CloudEvent> views = new ArrayList<>();
    await()
        .atMost(EventLog.PATIENCE)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              assertThat(get("/api/v1/catalog/products/" + id).statusCode()).isEqualTo(200);
              views.addAll(
                  EventLog.all(CatalogTopics.PRODUCT_VIEWED, record -> id.equals(record.key())));
              return !views.isEmpty();
            });

    assertThat(views.get(0).type()).isEqualTo(CatalogTopics.PRODUCT_VIEWED);
    assertThat(events.data(views.get(0), ProductViewed.class))
        .isEqualTo(new ProductViewed(UUID.fromString(id)));
  }

  @Test
  void reportsSearchesOnTheAnalyticsStream() throws Exception {
    String token = uniqueSku().toLowerCase(Locale.ROOT);
    post(ADMIN, newProduct(uniqueSku(), "Analytics " + token, "5", 1));

    // acks=1 waits for the leader only, without retries: keep searching until one arrives
    List<CloudEvent> searches = new ArrayList<>();
    await()
        .atMost(EventLog.PATIENCE)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              assertThat(get("/api/v1/catalog/products?q=analytics%20" + token).statusCode())
                  .isEqualTo(200);
              searches.addAll(
                  EventLog.all(
                      CatalogTopics.PRODUCT_SEARCHED,
                      record -> ("analytics " + token).equals(record.key())));
              return !searches.isEmpty();
            });

    assertThat(events.data(searches.get(0), ProductSearched.class))
        .isEqualTo(new ProductSearched("analytics " + token, 1));
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).doesNotContain("Exception");
  }

  private static List<String> invalidFields(HttpResponse<String> response) {
    List<String> fields = new ArrayList<>();
    json(response).get("errors").forEach(error -> fields.add(error.get("field").asString()));
    return fields;
  }

  private static Set<String> fieldNames(JsonNode data) {
    return Set.copyOf(data.propertyNames());
  }

  private static String uniqueSku() {
    return "IT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
  }

  private static String newProduct(String sku, String name, String amount, int stock) {
    return newProduct(sku, name, amount, stock, "EUR");
  }

  private static String newProduct(
      String sku, String name, String amount, int stock, String currency) {
    return """
        {"sku": "%s", "name": "%s", "description": "for a test",
         "price": {"amount": %s, "currency": "%s"}, "initialStock": %d}"""
        .formatted(sku, name, amount, currency, stock);
  }
}
