package dev.mercado.orders;

import dev.mercado.testkit.Infrastructure;
import dev.mercado.testkit.RunningServiceContract;
import dev.mercado.testkit.TestIdentity;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The orders service starts on its own database and answers the probes every service answers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrdersServiceIT extends RunningServiceContract {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "orders");
    registry.add("spring.kafka.bootstrap-servers", Infrastructure::kafka);
    TestIdentity.register(registry);
  }
}
