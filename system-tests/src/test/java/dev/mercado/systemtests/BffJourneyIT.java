package dev.mercado.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mercado.identity.api.DemoCustomers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shop front's order page through the gateway's Backend for Frontend (R5), with real processes:
 * one request answers what orders, payments, notifications and catalog each know about an order.
 */
@Order(6)
class BffJourneyIT {

  private static final Duration FINAL = Duration.ofSeconds(60);
  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final JsonMapper json = JsonMapper.builder().build();

  private static String gateway;
  private static Shop shop;

  @BeforeAll
  static void openTheShop() throws Exception {
    RunningSystem system = RunningSystem.get();
    gateway = system.urls.get("gateway");
    shop = new Shop(system);
  }

  @Test
  void showsAConfirmedOrderWithItsPaymentAndProductsInOneAnswer() throws Exception {
    UUID product = shop.product(5);
    String order = shop.orderWhenKnown(product, 2, "tok_visa");
    assertThat(shop.awaitFinal(order, FINAL)).isEqualTo("CONFIRMED");

    // the page is complete once every service answers within the gateway's deadline (800 ms): a
    // machine busy with the whole system may miss it now and then, and the page then says so
    JsonNode[] page = new JsonNode[1];
    await("a complete page of order " + order)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              page[0] = orderPage(order);
              return !page[0].get("partial").asBoolean();
            });

    assertThat(page[0].get("order").get("id").asString()).isEqualTo(order);
    assertThat(page[0].get("order").get("status").asString()).isEqualTo("CONFIRMED");
    assertThat(page[0].get("payment").get("status").asString()).isIn("AUTHORIZED", "CAPTURED");
    assertThat(page[0].get("payment").get("orderId").asString()).isEqualTo(order);
    assertThat(page[0].get("notifications").isArray()).isTrue();
    JsonNode shown = page[0].get("products").get(product.toString());
    assertThat(shown).as("product %s in %s", product, page[0]).isNotNull();
    assertThat(shown.get("name").asString()).isEqualTo("System test item");
    assertThat(shown.get("stale").asBoolean()).isFalse();
    assertThat(page[0].get("missing")).isEmpty();
    // the page is alice's: bob and callers without a token get orders' refusal
    assertThat(orderPageAs(order, shop.customerToken(DemoCustomers.BOB)).statusCode())
        .isEqualTo(403);
    assertThat(orderPageAs(order, null).statusCode()).isEqualTo(401);
  }

  /** The order's page as alice, who placed it. */
  private static JsonNode orderPage(String order) throws Exception {
    HttpResponse<String> response = orderPageAs(order, shop.customerToken(DemoCustomers.ALICE));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  private static HttpResponse<String> orderPageAs(String order, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gateway + "/api/v1/bff/orders/" + order))
            .timeout(Duration.ofSeconds(15));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
