package dev.mercado.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mercado.platform.events.CloudEvent;
import dev.mercado.platform.events.CloudEventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The checked-in example of each event type ({@code events/<type>.json} in the producer's {@code
 * -api} module), for producers and consumers to test against: a change to a payload record that its
 * example does not follow fails their builds.
 */
public final class EventContracts {

  private static final CloudEventJson JSON = new CloudEventJson();

  private EventContracts() {}

  /** The example event of {@code type}, read from the class path. */
  public static CloudEvent example(String type) {
    String resource = "events/" + type + ".json";
    try (InputStream in = EventContracts.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no example " + resource + " on the class path");
      }
      return JSON.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An event as its producer publishes it: the example of {@code type} (its source and type) with a
   * new id, the current time, {@code subject} and {@code payload}, for consumer tests.
   */
  public static CloudEvent like(String type, String subject, Object payload) {
    CloudEvent example = example(type);
    return new CloudEvent(
        UUID.randomUUID().toString(),
        example.source(),
        example.type(),
        subject,
        OffsetDateTime.now(ZoneOffset.UTC),
        JSON.data(payload));
  }

  /** The example's payload as the consumer reads it. */
  public static <T> T examplePayload(String type, Class<T> payloadType) {
    return JSON.data(example(type), payloadType);
  }

  /**
   * Asserts that {@code payloadType} reads the example of {@code type} and writes it back
   * unchanged: no field lost, renamed or retyped.
   */
  public static void assertExampleMatches(String type, Class<?> payloadType) {
    CloudEvent example = example(type);
    assertThat(example.type()).isEqualTo(type);
    Object payload = JSON.data(example, payloadType);
    // compared as JSON text: a long written back is the same JSON as the int it was read from
    assertThat(JSON.data(payload).toString())
        .as(type + " written back")
        .isEqualTo(example.data().toString());
  }
}
