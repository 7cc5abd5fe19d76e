package dev.mercado.platform.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one shape of a problem document, whoever writes it (R5, RFC 9457). */
class ProblemJsonTest {

  private final JsonMapper reader = JsonMapper.shared();

  @Test
  void writesTheMembersRfc9457Names() {
    JsonNode problem =
        read(ProblemJson.of(HttpStatus.NOT_FOUND, "No route", "Nothing at /x.", "/api/v1/x"));

    // absent means about:blank (RFC 9457 section 3.1.1), as Spring MVC writes it
    assertThat(problem.has("type")).isFalse();
    assertThat(problem.get("title").asString()).isEqualTo("No route");
    assertThat(problem.get("status").asInt()).isEqualTo(404);
    assertThat(problem.get("detail").asString()).isEqualTo("Nothing at /x.");
    assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/x");
  }

  @Test
  void titlesAProblemWithItsStatusWhenNoTitleIsGiven() {
    assertThat(
            read(ProblemJson.of(HttpStatus.FORBIDDEN, null, "No.", null)).get("title").asString())
        .isEqualTo("Forbidden");
  }

  @Test
  void putsExtensionMembersAtTheTopLevelAsSpringMvcDoes() {
    JsonNode problem =
        read(
            ProblemJson.of(
                HttpStatus.TOO_MANY_REQUESTS,
                URI.create("https://iana.org/assignments/http-problem-types#quota-exceeded"),
                "Too many requests",
                "retry in 3 s",
                "/api/v1/orders",
                Map.of("retryAfter", 3, "violated-policies", List.of("orders"))));

    assertThat(problem.get("retryAfter").asInt()).isEqualTo(3);
    assertThat(problem.get("violated-policies").get(0).asString()).isEqualTo("orders");
    assertThat(problem.has("properties")).isFalse();
    assertThat(problem.get("type").asString()).endsWith("#quota-exceeded");
  }

  @Test
  void escapesWhatTheClientSentAndQuotesAPathNoUriAllows() {
    JsonNode problem =
        read(ProblemJson.of(HttpStatus.BAD_REQUEST, null, "a \"quote\"\n", "/a path|{x}"));

    assertThat(problem.get("detail").asString()).isEqualTo("a \"quote\"\n");
    assertThat(problem.get("instance").asString()).isEqualTo("/a%20path%7C%7Bx%7D");
  }

  private JsonNode read(ProblemDetail problem) {
    return reader.readTree(ProblemJson.text(problem));
  }
}
