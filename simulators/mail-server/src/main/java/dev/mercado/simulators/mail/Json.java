package dev.mercado.simulators.mail;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the process; immutable and thread-safe. */
final class Json {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  /** Parses a request body that must be a JSON object, or ends the request with a 400 problem. */
  static JsonNode parseObject(byte[] body) {
    JsonNode node;
    try {
      node = body.length == 0 ? null : MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw notAnObject();
    }
    if (node == null || !node.isObject()) {
      throw notAnObject();
    }
    return node;
  }

  static byte[] write(Object value) {
    return MAPPER.writeValueAsBytes(value);
  }

  private static ProblemException notAnObject() {
    return Problem.of(400, "invalid-request", "Invalid request", "the body must be a JSON object")
        .toException();
  }
}
