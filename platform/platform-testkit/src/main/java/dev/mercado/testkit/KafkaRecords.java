package dev.mercado.testkit;

import static org.awaitility.Awaitility.await;

import dev.mercado.platform.events.CloudEvent;
import dev.mercado.platform.events.CloudEventJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reading and writing the test kit's real Kafka from a test: what a service published, and events a
 * test plays in the role of another service.
 */
public final class KafkaRecords {

  private static final CloudEventJson JSON = new CloudEventJson();

  private KafkaRecords() {}

  /** Reads {@code topic} from the beginning until {@code enough} holds for what was read. */
  public static List<ConsumerRecord<String, String>> readUntil(
      String topic, Duration atMost, Predicate<List<ConsumerRecord<String, String>>> enough) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafka());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      await()
          .atMost(atMost)
          .pollInterval(Duration.ofMillis(10))
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return enough.test(records);
              });
    }
    return records;
  }

  /**
   * The CloudEvents on {@code topic} about {@code subject}, once {@code enough} of them arrived.
   */
  public static List<CloudEvent> eventsAbout(
      String topic, String subject, Duration atMost, Predicate<List<CloudEvent>> enough) {
    List<CloudEvent> events = new ArrayList<>();
    readUntil(
        topic,
        atMost,
        records -> {
          events.clear();
          records.stream()
              .filter(record -> subject.equals(record.key()))
              .map(record -> JSON.read(record.value()))
              .forEach(events::add);
          return enough.test(events);
        });
    return events;
  }

  /** Publishes {@code event} to {@code topic} keyed by its subject, and waits for acks=all. */
  public static void send(String topic, CloudEvent event) {
    send(topic, event.subject(), JSON.write(event));
  }

  /** Publishes a raw record and waits for acks=all. */
  public static void send(String topic, String key, String value) {
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of("bootstrap.servers", Infrastructure.kafka(), "acks", "all"),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not publish to " + topic, e);
    }
  }
}
