package dev.mercado.catalog;

import static org.awaitility.Awaitility.await;

import dev.mercado.platform.events.CloudEvent;
import dev.mercado.platform.events.CloudEventJson;
import dev.mercado.testkit.Infrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The tests' side of the real Kafka: sending CloudEvents as orders does, reading what catalog
 * published (from the beginning, without a consumer group), and waiting until catalog's consumer
 * group has consumed a record. Thread-safe.
 */
public final class EventLog {

  public static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final CloudEventJson JSON = new CloudEventJson();
  private static KafkaProducer<String, String> producer;

  private EventLog() {}

  /** Publishes {@code event} to {@code topic} keyed by its subject, as orders' outbox would. */
  public static RecordMetadata send(String topic, CloudEvent event) {
    try {
      return producer().send(record(topic, event)).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not send " + event.id() + " to " + topic, e);
    }
  }

  /** Publishes all {@code events} at once, without waiting between them. */
  public static void sendAll(String topic, List<CloudEvent> events) {
    events.forEach(event -> producer().send(record(topic, event)));
    producer().flush();
  }

  /**
   * Reads {@code topic} again and again from the beginning until the events keyed by {@code key}
   * satisfy {@code enough}, and returns them in order.
   */
  public static List<CloudEvent> events(
      String topic, String key, Predicate<List<CloudEvent>> enough) {
    AtomicReference<List<CloudEvent>> found = new AtomicReference<>(List.of());
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              found.set(all(topic, record -> key.equals(record.key())));
              return enough.test(found.get());
            });
    return found.get();
  }

  /** The first event keyed by {@code key} on {@code topic}, waiting for it. */
  public static CloudEvent first(String topic, String key) {
    return events(topic, key, found -> !found.isEmpty()).get(0);
  }

  /** Every event on {@code topic} now whose record is {@code wanted}, in order per partition. */
  public static List<CloudEvent> all(
      String topic, Predicate<ConsumerRecord<String, String>> wanted) {
    List<CloudEvent> events = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = consumer()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
          if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))
              && wanted.test(record)) {
            events.add(JSON.read(record.value()));
          }
        }
      }
    }
    return events;
  }

  /** Waits until consumer group {@code group} has committed an offset past {@code record}. */
  public static void awaitConsumed(String group, RecordMetadata record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", Infrastructure.kafka()))) {
      await()
          .atMost(PATIENCE)
          .pollInterval(Duration.ofMillis(50))
          .until(
              () -> {
                OffsetAndMetadata committed =
                    admin
                        .listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS)
                        .get(partition);
                return committed != null && committed.offset() > record.offset();
              });
    }
  }

  private static ProducerRecord<String, String> record(String topic, CloudEvent event) {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(topic, event.subject(), JSON.write(event));
    record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
    return record;
  }

  private static synchronized KafkaProducer<String, String> producer() {
    if (producer == null) {
      producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  Infrastructure.kafka(),
                  ProducerConfig.ACKS_CONFIG,
                  "all"),
              new StringSerializer(),
              new StringSerializer());
      Runtime.getRuntime().addShutdownHook(new Thread(producer::close));
    }
    return producer;
  }

  private static KafkaConsumer<String, String> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            Infrastructure.kafka(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false),
        new StringDeserializer(),
        new StringDeserializer());
  }
}
