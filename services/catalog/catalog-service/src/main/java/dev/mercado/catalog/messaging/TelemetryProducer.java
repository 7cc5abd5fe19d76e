package dev.mercado.catalog.messaging;

import dev.mercado.platform.events.CloudEvent;
import dev.mercado.platform.events.CloudEventJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * A fire-and-forget producer for telemetry streams (R9), deliberately NOT through the outbox:
 * losing some telemetry costs little, while the request that reports it must never wait for the
 * broker nor fail because of it. Its own producer, whatever the service's default producer says:
 * the given {@code acks}, no idempotence, no retries, {@code max.block.ms} = 100 ms (the longest a
 * request can wait, for metadata or buffer space, while the broker is unreachable), a small buffer
 * and a short delivery timeout. Every failure is dropped and logged at debug level. Thread-safe.
 */
final class TelemetryProducer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TelemetryProducer.class);
  private static final byte[] CONTENT_TYPE =
      CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8);

  private final Producer<String, String> producer;
  private final CloudEventJson json = new CloudEventJson();
  private final String source;
  private final Clock clock;

  TelemetryProducer(
      KafkaProperties kafka, String clientId, String acks, String source, Clock clock) {
    Map<String, Object> config = kafka.buildProducerProperties();
    config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    config.put(ProducerConfig.ACKS_CONFIG, acks);
    // idempotence needs acks=all; telemetry neither has nor needs it
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    config.put(ProducerConfig.RETRIES_CONFIG, 0);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 100);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5_000);
    config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 1024 * 1024);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    this.producer = new KafkaProducer<>(config);
    this.source = source;
    this.clock = clock;
  }

  /** Sends the event without waiting; a failure is logged at debug level and dropped. */
  void send(String topic, String subject, Object payload) {
    try {
      CloudEvent event = CloudEvent.create(source, topic, subject, json.data(payload), clock);
      ProducerRecord<String, String> record =
          new ProducerRecord<>(topic, event.subject(), json.write(event));
      record.headers().add("content-type", CONTENT_TYPE);
      producer.send(
          record,
          (metadata, failure) -> {
            if (failure != null) {
              log.debug("{} about {} lost: {}", topic, subject, failure.toString());
            }
          });
    } catch (RuntimeException e) {
      log.debug("{} about {} lost: {}", topic, subject, e.toString());
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofMillis(500));
  }
}
