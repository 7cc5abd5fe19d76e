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

/**
 * The checkout saga across separate processes and databases, through the gateway (P2, P4, F6, R12):
 * confirmed, rejected and cancelled orders, and one order and one charge for a repeated request;
 * the customer gets exactly one e-mail about the outcome (R11). Authorization holds at every
 * service, not only at the gateway: another customer cannot read the order, and a request that
 * bypasses the gateway without a token is refused by the service itself (R5, docs/adr/0009).
 */
@Order(2)
class CheckoutJourneyIT {

  private static final Duration FINAL = Duration.ofSeconds(60);
  private static Shop shop;
  private static RunningSystem system;

  @BeforeAll
  static void openTheShop() throws Exception {
    system = RunningSystem.get();
    shop = new Shop(system);
  }

  @Test
  void keepsAnOrderFromOtherCustomersAndFromCallersWithoutATokenAtTheService() throws Exception {
    UUID product = shop.product(5);
    String order = shop.orderWhenKnown(product, 1, "tok_visa");

    HttpResponse<String> bob = shop.orderAs(DemoCustomers.BOB, order);
    HttpResponse<String> alice = shop.orderAs(DemoCustomers.ALICE, order);
    // straight to orders' own port: the gateway's checks are not the only ones
    HttpResponse<String> bypassing =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .build()
            .send(
                HttpRequest.newBuilder(
                        URI.create(system.urls.get("orders") + "/api/v1/orders/" + order))
                    .timeout(Duration.ofSeconds(15))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(alice.statusCode()).as(alice.body()).isEqualTo(200);
    assertThat(alice.body()).contains(DemoCustomers.ALICE_ID.toString());
    for (HttpResponse<String> refused : java.util.List.of(bob, bypassing)) {
      assertThat(refused.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(refused.body()).doesNotContain("tok_visa").doesNotContain("Exception");
    }
    assertThat(bob.statusCode()).as(bob.body()).isEqualTo(403);
    assertThat(bypassing.statusCode()).as(bypassing.body()).isEqualTo(401);
    assertThat(bypassing.headers().firstValue("WWW-Authenticate")).isPresent();
  }

  @Test
  void confirmsAnOrderAndKeepsItsStock() throws Exception {
    UUID product = shop.product(5);

    String order = shop.orderWhenKnown(product, 2, "tok_visa");

    assertThat(shop.awaitFinal(order, FINAL)).isEqualTo("CONFIRMED");
    assertThat(shop.order(order))
        .containsSubsequence(
            "\"to\":\"PENDING\"",
            "\"to\":\"STOCK_RESERVED\"",
            "\"to\":\"PAID\"",
            "\"to\":\"CONFIRMED\"");
    await().atMost(FINAL).until(() -> shop.availableStock(product) == 3);
    assertThat(shop.ledger(order)).contains("\"authorized\":1");
    assertOneEmail(order, "is confirmed");
  }

  /**
   * R11: the order's final event reaches the customer's mailbox once, and notifications says so.
   */
  private static void assertOneEmail(String order, String wording) throws Exception {
    await("an e-mail about " + order)
        .atMost(FINAL)
        .until(() -> Shop.occurrences(shop.mailsAbout(order), "\"messageId\"") >= 1);
    await("notification of " + order + " recorded as sent")
        .atMost(FINAL)
        .until(() -> shop.notifications(order).contains("\"status\":\"SENT\""));
    // a second e-mail would come from a duplicate event or task: give it time to show
    await("still one e-mail about " + order)
        .during(Duration.ofSeconds(2))
        .atMost(FINAL)
        .until(() -> Shop.occurrences(shop.mailsAbout(order), "\"messageId\"") == 1);
    String mails = shop.mailsAbout(order);
    assertThat(Shop.occurrences(mails, "\"messageId\"")).as(mails).isEqualTo(1);
    assertThat(mails)
        .contains(wording)
        .contains(DemoCustomers.ALICE_ID + "@customers.mercado.example");
    assertThat(shop.notifications(order)).contains("\"attempts\":1");
  }

  @Test
  void rejectsAnOrderForMoreThanTheStock() throws Exception {
    UUID product = shop.product(1);

    String order = shop.orderWhenKnown(product, 2, "tok_visa");

    assertThat(shop.awaitFinal(order, FINAL)).isEqualTo("REJECTED");
    assertThat(shop.availableStock(product)).isEqualTo(1);
    assertThat(shop.ledger(order)).contains("\"authorized\":0");
  }

  @Test
  void cancelsADeclinedOrderAndRestoresTheStock() throws Exception {
    UUID product = shop.product(4);

    String order = shop.orderWhenKnown(product, 3, "tok_insufficient_funds");

    assertThat(shop.awaitFinal(order, FINAL)).isEqualTo("CANCELLED");
    assertThat(shop.order(order)).contains("payment_declined:insufficient_funds");
    await().atMost(FINAL).until(() -> shop.availableStock(product) == 4);
    assertOneEmail(order, "was cancelled");
  }

  @Test
  void placesOneOrderAndOneChargeForARepeatedRequest() throws Exception {
    UUID product = shop.product(3);
    shop.awaitFinal(shop.orderWhenKnown(product, 1, "tok_visa"), FINAL);
    String key = UUID.randomUUID().toString();

    HttpResponse<String> first = shop.place(key, product, 1, "tok_visa");
    HttpResponse<String> second = shop.place(key, product, 1, "tok_visa");

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(second.statusCode()).isEqualTo(202);
    assertThat(Shop.id(second)).isEqualTo(Shop.id(first));
    assertThat(shop.awaitFinal(Shop.id(first), FINAL)).isEqualTo("CONFIRMED");
    assertThat(shop.ledger(Shop.id(first))).contains("\"authorized\":1");
  }
}
