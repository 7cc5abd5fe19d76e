package dev.mercado.simulators.kit;

import static dev.mercado.simulators.kit.Fixtures.aCall;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallTest {

  @Test
  void decodesTheFirstValueOfAQueryParameter() {
    Call call = aCall("GET", "/messages?to=a%40b.test&header=X-Id%3A42&to=c@d.test&flag", null);

    assertThat(call.queryParameter("to")).hasValue("a@b.test");
    assertThat(call.queryParameter("header")).hasValue("X-Id:42");
    assertThat(call.queryParameter("flag")).hasValue("");
    assertThat(call.queryParameter("missing")).isEmpty();
    assertThat(aCall("GET", "/messages", null).queryParameter("to")).isEmpty();
  }

  @Test
  void answers400ForAQueryThatIsNotUrlEncoded() {
    ProblemException rejected =
        catchThrowableOfType(
            ProblemException.class, () -> aCall("GET", "/x?to=%zz", null).queryParameter("to"));

    assertThat(rejected.problem().status()).isEqualTo(400);
    assertThat(rejected.problem().type()).isEqualTo(Fixtures.TYPES.prefix() + "invalid-request");
  }

  @Test
  void readsABodyThatIsAJsonObject() {
    assertThat(aCall("PUT", "/faults", "{\"down\":true}").jsonObject().path("down").asBoolean())
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{not json", "[true]", "true", "\"down\""})
  void answers400ForABodyThatIsNotAJsonObject(String body) {
    ProblemException rejected =
        catchThrowableOfType(
            ProblemException.class, () -> aCall("PUT", "/faults", body).jsonObject());

    assertThat(rejected.problem().status()).isEqualTo(400);
    assertThat(rejected.problem().type()).isEqualTo(Fixtures.TYPES.prefix() + "invalid-request");
    assertThat(rejected.problem().detail()).isEqualTo("the body must be a JSON object");
  }

  @Test
  void findsAHeaderIgnoringCase() {
    Headers headers = new Headers();
    headers.add("Idempotency-Key", "k-1");
    Call call = new Call("POST", "/v1", null, headers, new byte[0], Fixtures.TYPES);

    assertThat(call.header("idempotency-key")).hasValue("k-1");
    assertThat(call.header("X-Other")).isEmpty();
  }

  @Test
  void namesTheMethodAndThePathWhenNothingIsThere() {
    Reply reply = aCall("GET", "/nothing-here", null).notFound();

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.contentType()).isEqualTo(Problem.CONTENT_TYPE);
    assertThat(new String(reply.body(), UTF_8))
        .isEqualTo(
            "{\"type\":\"urn:mercado:test:problem:not-found\",\"title\":\"Not found\","
                + "\"status\":404,\"detail\":\"no resource at GET /nothing-here\"}");
  }

  @Test
  void listsTheAllowedMethodsWhenTheMethodIsNotAllowed() {
    Reply reply = aCall("POST", "/messages", "{}").methodNotAllowed("GET, DELETE");

    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.headers()).containsEntry("Allow", "GET, DELETE");
    assertThat(new String(reply.body(), UTF_8))
        .contains("\"type\":\"urn:mercado:test:problem:method-not-allowed\"")
        .contains("\"detail\":\"/messages allows GET, DELETE, not POST\"");
  }
}
