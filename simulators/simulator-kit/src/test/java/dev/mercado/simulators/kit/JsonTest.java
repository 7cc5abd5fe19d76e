package dev.mercado.simulators.kit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class JsonTest {

  @Test
  void parsesAnyJsonValue() {
    assertThat(Json.parse(bytes("{\"a\":[1,true]}")))
        .get()
        .extracting(JsonNode::isObject)
        .isEqualTo(true);
    assertThat(Json.parse(bytes("[1]"))).get().extracting(JsonNode::isArray).isEqualTo(true);
    assertThat(Json.parse(bytes("42"))).get().extracting(JsonNode::intValue).isEqualTo(42);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "{not json", "{\"a\":1", "nope"})
  void findsNothingInBytesThatAreNotJson(String text) {
    assertThat(Json.parse(bytes(text))).isEmpty();
  }

  @Test
  void writesTheSameCanonicalBytesWhateverThePropertyOrderAndWhiteSpace() {
    JsonNode one =
        Json.parse(bytes("{\"b\":{\"y\":[1,{\"q\":2,\"p\":1}], \"x\":1}, \"a\":1}")).orElseThrow();
    JsonNode other =
        Json.parse(bytes("{\"a\":1,\"b\":{\"x\":1,\"y\":[1,{\"p\":1,\"q\":2}]}}")).orElseThrow();

    assertThat(new String(Json.canonical(one), UTF_8))
        .isEqualTo("{\"a\":1,\"b\":{\"x\":1,\"y\":[1,{\"p\":1,\"q\":2}]}}")
        .isEqualTo(new String(Json.canonical(other), UTF_8));
  }

  @Test
  void writesMapsAndListsCompactlyInTheirOrder() {
    assertThat(new String(Json.write(Map.of("list", List.of("x", 1, false))), UTF_8))
        .isEqualTo("{\"list\":[\"x\",1,false]}");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }
}
