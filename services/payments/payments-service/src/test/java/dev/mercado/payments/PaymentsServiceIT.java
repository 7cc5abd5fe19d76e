package dev.mercado.payments;

import dev.mercado.testkit.Infrastructure;
import dev.mercado.testkit.RunningServiceContract;
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
  }
}
