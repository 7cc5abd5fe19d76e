package dev.mercado.notifications;

import dev.mercado.testkit.Infrastructure;
import dev.mercado.testkit.RunningServiceContract;
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
  }
}
