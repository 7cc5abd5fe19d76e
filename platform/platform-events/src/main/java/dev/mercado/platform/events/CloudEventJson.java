package dev.mercado.platform.events;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes {@link CloudEvent}s in the JSON event format (structured mode), and converts
 * payload records to and from their {@code data}. Thread-safe.
 */
public final class CloudEventJson {

  /** Decimals stay {@code BigDecimal}s: a price of 12.50 must not come back as the double 12.5. */
  private final JsonMapper mapper =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  /** The payload as the JSON tree an event carries. */
  public JsonNode data(Object payload) {
    return mapper.valueToTree(payload);
  }

  /** The event's payload as {@code type}. */
  public <T> T data(CloudEvent event, Class<T> type) {
    try {
      return mapper.treeToValue(event.data(), type);
    } catch (JacksonException e) {
      throw new InvalidCloudEventException(
          "data of " + event.type() + " " + event.id() + " is not a " + type.getSimpleName(), e);
    }
  }

  public String write(CloudEvent event) {
    ObjectNode json = mapper.createObjectNode();
    json.put("specversion", CloudEvent.SPEC_VERSION);
    json.put("id", event.id());
    json.put("source", event.source());
    json.put("type", event.type());
    json.put("subject", event.subject());
    json.put("time", event.time().toString());
    json.put("datacontenttype", "application/json");
    json.set("data", event.data());
    return mapper.writeValueAsString(json);
  }

  /**
   * @throws InvalidCloudEventException if {@code json} is not a CloudEvents 1.0 JSON event
   */
  public CloudEvent read(String json) {
    JsonNode tree;
    try {
      tree = mapper.readTree(json);
    } catch (JacksonException e) {
      throw new InvalidCloudEventException("not JSON: " + e.getOriginalMessage(), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new InvalidCloudEventException("a CloudEvent is a JSON object");
    }
    if (!CloudEvent.SPEC_VERSION.equals(text(tree, "specversion"))) {
      throw new InvalidCloudEventException("specversion must be " + CloudEvent.SPEC_VERSION);
    }
    OffsetDateTime time;
    try {
      time = OffsetDateTime.parse(text(tree, "time"));
    } catch (DateTimeParseException | NullPointerException e) {
      throw new InvalidCloudEventException("time must be an RFC 3339 timestamp", e);
    }
    JsonNode data = tree.get("data");
    return new CloudEvent(
        text(tree, "id"),
        text(tree, "source"),
        text(tree, "type"),
        text(tree, "subject"),
        time,
        data == null ? mapper.nullNode() : data);
  }

  private static String text(JsonNode tree, String attribute) {
    JsonNode value = tree.get(attribute);
    return value == null || !value.isString() ? null : value.asString();
  }
}
