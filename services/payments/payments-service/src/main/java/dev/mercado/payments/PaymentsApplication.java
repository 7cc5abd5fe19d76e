package dev.mercado.payments;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The payments service: takes the money for confirmed orders through an external provider, and
 * gives it back on compensation, in its own process with its own database (P1, P3, P4).
 */
@SpringBootApplication
@EnableConfigurationProperties(PaymentsProperties.class)
public class PaymentsApplication {

  public static void main(String[] args) {
    SpringApplication.run(PaymentsApplication.class, args);
  }
}
