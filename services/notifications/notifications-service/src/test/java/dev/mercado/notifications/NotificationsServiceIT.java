package dev.mercado.notifications;

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
 * The notifications service starts on its own database and answers the probes every service
 * answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationsServiceIT extends RunningServiceContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "notifications");
    registry.add("spring.kafka.bootstrap-servers", Infrastructure::kafka);
    Infrastructure.registerAmqp(registry);
    Infrastructure.registerMail(registry);
    TestIdentity.register(registry);
  }

  @Test
  void letsOnlyOperatorsAndServicesReadNotifications() throws Exception {
    TestIdentity identity = TestIdentity.get();
    String path = "/api/v1/notifications?orderId=" + UUID.randomUUID();

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
