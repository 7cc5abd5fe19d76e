package dev.mercado.orders;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The orders service: accepts orders and orchestrates their checkout saga across catalog and
 * payments, in its own process with its own database (P1, P3, P4).
 */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(OrdersProperties.class)
public class OrdersApplication {

  public static void main(String[] args) {
    SpringApplication.run(OrdersApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
