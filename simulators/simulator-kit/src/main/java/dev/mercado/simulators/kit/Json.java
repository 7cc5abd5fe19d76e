package dev.mercado.simulators.kit;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper of a simulator process, with Jackson's defaults. Thread-safe. */
public final class Json {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final JsonMapper CANONICAL =
      JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

  private Json() {}

  /**
   * Parses any JSON value.
   *
   * @return empty if the bytes are empty, blank or not JSON; never throws for bad input
   */
  public static Optional<JsonNode> parse(byte[] bytes) {
    if (bytes.length == 0) {
      return Optional.empty();
    }
    try {
      JsonNode node = MAPPER.readTree(bytes);
      return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
    } catch (JacksonException e) {
      return Optional.empty();
    }
  }

  /**
   * The value written compactly, with the properties of every object sorted by name, so that two
   * values that differ only in property order or white space give the same bytes.
   */
  public static byte[] canonical(JsonNode value) {
    return CANONICAL.writeValueAsBytes(value);
  }

  /**
   * The value written compactly: maps, lists, strings, numbers, booleans and null as JSON.
   *
   * @throws JacksonException if Jackson cannot write the value, which is a bug of the caller
   */
  public static byte[] write(Object value) {
    return MAPPER.writeValueAsBytes(value);
  }
}
