package dev.mercado.platform.outbox.internal;

import dev.mercado.platform.events.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes events to Kafka, keyed by their subject, through the relay's own producer. */
public final class KafkaOutboxTransport implements OutboxTransport {

  public static final String NAME = "kafka";

  private final KafkaTemplate<String, String> kafka;

  public KafkaOutboxTransport(KafkaTemplate<String, String> kafka) {
    this.kafka = kafka;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletableFuture<?> send(OutboxStore.Row row, Map<String, String> headers) {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(row.topic(), row.key(), row.payload());
    record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
    headers.forEach(
        (name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
    return kafka.send(record);
  }

  @Override
  public void flush() {
    kafka.flush();
  }
}
