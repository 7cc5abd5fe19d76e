package dev.mercado.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercado.identity.api.DemoCustomers;
import dev.mercado.testkit.Infrastructure;
import dev.mercado.testkit.RunningServiceContract;
import dev.mercado.testkit.TestIdentity;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The payments service starts on its own database and answers the probes every service answers. Its
 * Kafka listeners stay stopped: the commands other tests send are for their own context ({@link
 * PaymentsIntegrationTest}), not for this one.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.kafka.listener.auto-startup=false")
class PaymentsServiceIT extends RunningServiceContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "payments");
    registry.add("spring.kafka.bootstrap-servers", Infrastructure::kafka);
    registry.add("mercado.payments.provider-url", () -> Infrastructure.paymentProvider().baseUrl());
    TestIdentity.register(registry);
  }

  @Test
  void letsOnlyOperatorsAndServicesReadPayments() throws Exception {
    TestIdentity identity = TestIdentity.get();
    String path = "/api/v1/payments?orderId=" + UUID.randomUUID();

    HttpResponse<String> anonymous = get(path, null);
    HttpResponse<String> customer = get(path, identity.customerToken(DemoCustomers.ALICE_ID));

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(customer.statusCode()).isEqualTo(403);
    assertThat(customer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(get(path, identity.serviceToken()).statusCode()).isEqualTo(200);
    assertThat(get(path, identity.adminToken()).statusCode()).isEqualTo(200);
  }
}
