package dev.mercado.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors no controller raises, on a real Tomcat: the connector's own 400 for a path it refuses to
 * decode, a filter's {@code sendError}, and an unknown path, each answered with problem details
 * without internals, whatever the client accepts. Requests go over a raw socket, so that no client
 * library normalises the path first.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = ContainerErrorsIT.App.class)
class ContainerErrorsIT {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {

    /** Registered as a member class of this configuration. */
    @RestController
    static class Hello {
      @GetMapping("/api/v1/orders/{id}")
      String order() {
        return "an order";
      }

      @PostMapping("/forms")
      String form(@RequestParam Map<String, String> fields) {
        return fields.toString();
      }
    }

    /** As Spring Security's firewall does with a path it rejects. */
    @Bean
    Filter rejecting() {
      return (request, response, chain) -> {
        if (((HttpServletRequest) request).getRequestURI().startsWith("/rejected")) {
          ((HttpServletResponse) response).sendError(400, "secret reason of the filter");
        } else {
          chain.doFilter(request, response);
        }
      };
    }
  }

  @Value("${local.server.port}")
  int port;

  @Test
  void answersANulInThePathWithAProblemFromTheConnector() throws Exception {
    String response = raw("GET /api/v1/orders/%00 HTTP/1.1");

    assertProblem(response, 400);
  }

  @Test
  void answersAnEncodedTraversalWithAProblemFromTheConnector() throws Exception {
    assertProblem(raw("GET /api/v1/orders/..%2F..%2Fx HTTP/1.1"), 400);
    // encoded dots alone are no traversal for Tomcat: the path matches nothing
    assertProblem(raw("GET /api/v1/orders/%2e%2e/%2e%2e/x HTTP/1.1"), 404);
  }

  @Test
  void answersAFiltersSendErrorWithAProblem() throws Exception {
    String response = raw("GET /rejected HTTP/1.1");

    assertProblem(response, 400);
    assertThat(response).doesNotContain("secret reason");
  }

  @Test
  void answersAnUnknownPathWithAProblemEvenToABrowser() throws Exception {
    assertProblem(raw("GET /nowhere HTTP/1.1"), 404);
  }

  @Test
  void answersAFormBodyThatCannotBeDecodedWith400() throws Exception {
    String body = "a=%.l9";
    String response =
        raw(
            "POST /forms HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: "
                + body.length(),
            body);

    assertProblem(response, 400);
  }

  @Test
  void stillAnswersAGoodPath() throws Exception {
    assertThat(raw("GET /api/v1/orders/1 HTTP/1.1"))
        .startsWith("HTTP/1.1 200")
        .contains("an order");
  }

  private static void assertProblem(String response, int status) {
    assertThat(response)
        .startsWith("HTTP/1.1 " + status + " ")
        .containsIgnoringCase("Content-Type: application/problem+json")
        .contains("\"status\":" + status)
        .doesNotContain("<html")
        .doesNotContain("Tomcat")
        .doesNotContain("Exception")
        .doesNotContain("Invalid URI");
  }

  /** Sends one request line as written, asking like a browser for HTML, and reads the answer. */
  private String raw(String requestLine) throws Exception {
    return raw(requestLine, "");
  }

  private String raw(String requestLine, String body) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(
          (requestLine
                  + "\r\nHost: 127.0.0.1\r\nAccept: text/html\r\nConnection: close\r\n\r\n"
                  + body)
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      in.transferTo(answer);
      return answer.toString(StandardCharsets.UTF_8);
    }
  }
}
