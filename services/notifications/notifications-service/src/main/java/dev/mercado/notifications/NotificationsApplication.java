package dev.mercado.notifications;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The notifications service: tells customers by e-mail what became of their orders, in its own
 * process with its own database (P1, P3, P4). Kafka brings the events; an AMQP work queue carries
 * the e-mails to deliver (R11).
 */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(NotificationsProperties.class)
public class NotificationsApplication {

  public static void main(String[] args) {
    SpringApplication.run(NotificationsApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
