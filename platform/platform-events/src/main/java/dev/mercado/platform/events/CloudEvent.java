package dev.mercado.platform.events;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * An event as CloudEvents 1.0 describes it: the attributes every consumer needs to route,
 * deduplicate and order events, around the producer's payload ({@code data}).
 *
 * <p>{@code id} is unique per event and is what consumers deduplicate on (R12); {@code subject} is
 * the aggregate the event is about and the Kafka message key, so one aggregate's events stay in
 * order. Immutable and thread-safe.
 *
 * @param id unique id of this event
 * @param source the service that produced it, e.g. {@code catalog}
 * @param type what happened, e.g. {@code catalog.product-changed}
 * @param subject the aggregate id the event is about
 * @param time when it happened
 * @param data the payload, a JSON object
 */
public record CloudEvent(
    String id, String source, String type, String subject, OffsetDateTime time, JsonNode data) {

  /** The CloudEvents specification version this envelope follows. */
  public static final String SPEC_VERSION = "1.0";

  /** Media type of an event in structured mode (the whole event is the message body). */
  public static final String CONTENT_TYPE = "application/cloudevents+json";

  public CloudEvent {
    requireText(id, "id");
    requireText(source, "source");
    requireText(type, "type");
    requireText(subject, "subject");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(data, "data");
  }

  /** A new event with a random id, stamped with the current time of {@code clock}. */
  public static CloudEvent create(
      String source, String type, String subject, JsonNode data, Clock clock) {
    return new CloudEvent(
        UUID.randomUUID().toString(), source, type, subject, OffsetDateTime.now(clock), data);
  }

  private static void requireText(String value, String attribute) {
    if (value == null || value.isBlank()) {
      throw new InvalidCloudEventException("the attribute '" + attribute + "' is required");
    }
  }
}
