package dev.mercado.platform.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;
import static org.awaitility.Awaitility.await;

import dev.mercado.platform.chaos.internal.AssaultDeadline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Service;
import org.springframework.test.context.ActiveProfiles;

/** A tiny web application with platform-chaos, with and without the profile (F8). */
class ChaosAutoConfigurationTest {

  @Nested
  @SpringBootTest(
      classes = Shop.class,
      webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
      properties = "management.endpoints.web.exposure.include=health")
  @ActiveProfiles(ChaosDefaults.PROFILE)
  class WithTheProfile {

    @LocalServerPort int port;
    @Autowired Stock stock;
    @Autowired AssaultDeadline deadline;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void clear() throws Exception {
      post(
          "/actuator/chaosmonkey/assaults", "{\"exceptionsActive\":false,\"latencyActive\":false}");
    }

    @Test
    void attacksNothingUntilAnAssaultIsSwitchedOnThenFailsTheUseCasesUntilItsTimeIsUp()
        throws Exception {
      assertThat(stock.reserve()).isEqualTo("reserved");

      HttpResponse<String> on =
          post("/actuator/chaosmonkey/assaults", "{\"level\":1,\"exceptionsActive\":true}");
      assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
      HttpResponse<String> bounded = post("/actuator/chaosdeadline", "{\"seconds\":30}");
      assertThat(bounded.statusCode()).as(bounded.body()).isEqualTo(200);
      assertThat(bounded.body()).contains("\"exceptionsActive\":true", "\"remainingSeconds\":");

      assertThatRuntimeException().isThrownBy(stock::reserve).withMessageContaining("Chaos Monkey");

      deadline.expireIn(Duration.ofMillis(1));
      await("the assault's time is up")
          .atMost(Duration.ofSeconds(30))
          .until(() -> deadline.status().get("exceptionsActive").equals(false));
      assertThat(stock.reserve()).isEqualTo("reserved");
    }

    @Test
    void refusesADeadlineLongerThanTheMaximum() throws Exception {
      post("/actuator/chaosmonkey/assaults", "{\"level\":1,\"exceptionsActive\":true}");

      HttpResponse<String> tooLong = post("/actuator/chaosdeadline", "{\"seconds\":601}");

      assertThat(tooLong.statusCode()).isEqualTo(400);
    }

    @Test
    void exposesTheChaosEndpointsBesideTheServicesOwn() throws Exception {
      HttpResponse<String> status =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/actuator/chaosdeadline"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(status.statusCode()).isEqualTo(200);
      assertThat(status.body()).contains("\"enabled\":true", "\"exceptionsActive\":false");
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  @Nested
  @SpringBootTest(classes = Shop.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
  class WithoutTheProfile {

    @Autowired ApplicationContext context;
    @Autowired Stock stock;

    @Test
    void loadsNoMonkeyAtAll() {
      assertThat(context.getBeanNamesForType(AssaultDeadline.class)).isEmpty();
      assertThat(context.containsBean("chaosMonkeySettings")).isFalse();
      assertThat(stock.reserve()).isEqualTo("reserved");
    }
  }

  @SpringBootApplication
  static class Shop {}

  @Service
  static class Stock {
    String reserve() {
      return "reserved";
    }
  }
}
