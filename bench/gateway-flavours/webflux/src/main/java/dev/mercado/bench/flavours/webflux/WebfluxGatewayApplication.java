package dev.mercado.bench.flavours.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class WebfluxGatewayApplication {

  public static void main(String[] args) {
    SpringApplication.run(WebfluxGatewayApplication.class, args);
  }
}
