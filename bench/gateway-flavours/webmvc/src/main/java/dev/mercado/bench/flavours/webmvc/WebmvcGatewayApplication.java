package dev.mercado.bench.flavours.webmvc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class WebmvcGatewayApplication {

  public static void main(String[] args) {
    SpringApplication.run(WebmvcGatewayApplication.class, args);
  }
}
