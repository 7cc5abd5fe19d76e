package dev.mercado.simulators.kit;

import static dev.mercado.simulators.testkit.SimulatorHttp.assertProblem;
import static dev.mercado.simulators.testkit.SimulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mercado.simulators.testkit.SimulatorHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JsonEndpointTest {

  private static final ProblemTypes TYPES = new ProblemTypes("urn:mercado:test:problem:");

  private static ExecutorService threads;
  private static HttpListener listener;
  private final SimulatorHttp http = new SimulatorHttp();

  @BeforeAll
  static void listen() throws IOException {
    threads = HttpListener.threads("endpoint-test", 4);
    listener = new HttpListener("API", 0, new Echo(), threads);
    listener.open();
  }

  @AfterAll
  static void close() {
    listener.close();
    threads.shutdownNow();
  }

  @Test
  void sendsTheReplyOfTheSubclassWithoutCaching() {
    HttpResponse<String> response = http.send("GET", uri("/echo?name=a%20b"), null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(json(response).path("name").asString()).isEqualTo("a b");
  }

  @Test
  void sendsNoBodyForNoContent() {
    HttpResponse<String> response = http.send("DELETE", uri("/echo"), null);

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("Content-Type")).isEmpty();
  }

  @Test
  void answersAProblemTheSubclassThrows() {
    HttpResponse<String> response = http.send("POST", uri("/echo"), "[1]");

    assertProblem(response, 400, TYPES);
    assertThat(json(response).path("type").asString())
        .isEqualTo("urn:mercado:test:problem:invalid-request");
  }

  @Test
  void answersTheProblemsOfTheCall() {
    HttpResponse<String> missing = http.send("GET", uri("/nothing-here"), null);
    HttpResponse<String> wrongMethod = http.send("PATCH", uri("/echo"), "{}");

    assertProblem(missing, 404, TYPES);
    assertProblem(wrongMethod, 405, TYPES);
    assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET, POST, DELETE");
  }

  @Test
  void refusesABodyOverTheLimitWithoutCallingTheSubclass() {
    String body = "{\"x\":\"" + "a".repeat(JsonEndpoint.MAX_BODY_BYTES) + "\"}";

    HttpResponse<String> response = http.send("POST", uri("/echo"), body);

    assertProblem(response, 413, TYPES);
    assertThat(json(response).path("detail").asString())
        .isEqualTo("the body must be at most 65536 bytes");
  }

  @Test
  void answersAnUnexpectedErrorWith500AndLogsItToStderrOnly() {
    // given
    PrintStream stderr = System.err;
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
    HttpResponse<String> response;
    try {
      // when
      response = http.send("GET", uri("/bug"), null);
    } finally {
      System.setErr(stderr);
    }

    // then
    assertProblem(response, 500, TYPES);
    assertThat(json(response).path("detail").asString())
        .isEqualTo("the test simulator could not handle the request");
    assertThat(logged.toString(StandardCharsets.UTF_8))
        .startsWith("test simulator: unexpected error, answering 500")
        .contains("IllegalStateException: a bug");
  }

  private static URI uri(String pathAndQuery) {
    return SimulatorHttp.uri(listener.port(), pathAndQuery);
  }

  private static final class Echo extends JsonEndpoint {

    Echo() {
      super("test simulator", TYPES);
    }

    @Override
    protected Reply respond(Call call) {
      switch (call.path()) {
        case "/echo":
          switch (call.method()) {
            case "GET":
              return Reply.json(200, Map.of("name", call.queryParameter("name").orElse("")));
            case "POST":
              return Reply.json(200, call.jsonObject());
            case "DELETE":
              return Reply.noContent();
            default:
              return call.methodNotAllowed("GET, POST, DELETE");
          }
        case "/bug":
          throw new IllegalStateException("a bug");
        default:
          return call.notFound();
      }
    }
  }
}
