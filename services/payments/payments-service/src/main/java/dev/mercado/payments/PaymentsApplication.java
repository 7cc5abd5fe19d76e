package dev.mercado.payments;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The payments service: takes the money for confirmed orders through an external provider, and
 * gives it back on compensation, in its own process with its own database (P1, P3, P4).
 */
@SpringBootApplication
@EnableConfigurationProperties(PaymentsProperties.class)
@EnableScheduling
public class PaymentsApplication {

  /** The time reconciliation reads; tests may set another. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  public static void main(String[] args) {
    SpringApplication.run(PaymentsApplication.class, args);
  }
}
