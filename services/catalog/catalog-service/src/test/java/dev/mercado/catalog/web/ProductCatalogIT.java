package dev.mercado.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercado.testkit.Infrastructure;
import dev.mercado.testkit.RunningServiceContract;
import dev.mercado.testkit.TestIdentity;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The catalogue served from catalog's own PostgreSQL database, migrated by Flyway. This instance
 * only serves HTTP: it reads the untouched seed, and its listeners stay off so that the saga
 * commands other tests of this JVM send are handled by the instance whose database they inspect.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.kafka.listener.auto-startup=false")
class ProductCatalogIT extends RunningServiceContract {

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "catalog");
    TestIdentity.register(registry);
    registry.add("spring.kafka.bootstrap-servers", Infrastructure::kafka);
  }

  @Test
  void listsTheSeededCatalogueInPagesOrderedBySku() throws Exception {
    HttpResponse<String> first = get("/api/v1/catalog/products?page=0&size=3");
    HttpResponse<String> last = get("/api/v1/catalog/products?page=2&size=3");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body())
        .contains("\"totalItems\":8", "\"totalPages\":3", "\"sku\":\"BAG-003\"")
        .doesNotContain("\"sku\":\"TEE-002\"");
    assertThat(last.body()).contains("\"sku\":\"TEE-002\"").doesNotContain("\"sku\":\"BAG-003\"");
  }

  @Test
  void showsAProductWithItsPrice() throws Exception {
    HttpResponse<String> response =
        get("/api/v1/catalog/products/0b7d6a52-3f2e-4b8e-9a51-6f1c2d3e4a01");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains(
            "\"name\":\"Enamel mug\"",
            "\"amount\":12.50",
            "\"currency\":\"EUR\"",
            "\"availableStock\":100");
  }

  @Test
  void showsWhatIsAvailableOfEachProduct() throws Exception {
    HttpResponse<String> response = get("/api/v1/catalog/products?q=sticker");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"totalItems\":1", "\"sku\":\"STK-008\"", "\"availableStock\":3");
  }

  @Test
  void answersAnUnknownProductWith404ProblemDetails() throws Exception {
    HttpResponse<String> response =
        get("/api/v1/catalog/products/00000000-0000-0000-0000-000000000000");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("\"title\":\"Product not found\"");
  }

  @Test
  void answersAMalformedIdWith400ProblemDetails() throws Exception {
    HttpResponse<String> response = get("/api/v1/catalog/products/not-a-uuid");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).doesNotContain("Exception");
  }

  @Test
  void rejectsAPageSizeAboveOneHundred() throws Exception {
    HttpResponse<String> response = get("/api/v1/catalog/products?size=101");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }
}
