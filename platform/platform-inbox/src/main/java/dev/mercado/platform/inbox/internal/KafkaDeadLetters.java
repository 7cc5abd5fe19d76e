package dev.mercado.platform.inbox.internal;

import dev.mercado.platform.inbox.DeadLetters;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Reads and re-drives dead-letter topics with one consumer group per service ({@code
 * <application>-redrive}): its committed offsets mark what was already re-driven. A re-drive
 * commits after each event is acknowledged by Kafka, so a crash mid-way re-drives at most the event
 * in flight again (and the inbox ignores that duplicate).
 */
public final class KafkaDeadLetters implements DeadLetters {

  private static final Duration POLL = Duration.ofMillis(500);

  private final Map<String, Object> consumerConfig;
  private final KafkaTemplate<String, String> producer;
  private final String suffix;

  /**
   * @param suffix what ends the name of every dead-letter topic, e.g. {@code .dlt}
   */
  public KafkaDeadLetters(
      Map<String, Object> baseConsumerConfig,
      String application,
      KafkaTemplate<String, String> producer,
      String suffix) {
    Map<String, Object> config = new HashMap<>(baseConsumerConfig);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, application + "-redrive");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    this.consumerConfig = config;
    this.producer = producer;
    this.suffix = suffix;
  }

  @Override
  public boolean holds(String name) {
    return name.endsWith(suffix);
  }

  /** The producer that parks and re-drives events ({@code acks=all}, idempotent). */
  public KafkaTemplate<String, String> producer() {
    return producer;
  }

  @Override
  public List<DeadLetter> list(String deadLetterTopic, int max) {
    List<DeadLetter> letters = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
      for (ConsumerRecord<String, String> record : pending(consumer, deadLetterTopic)) {
        if (letters.size() >= max) {
          break;
        }
        letters.add(letter(record));
      }
    }
    return letters;
  }

  @Override
  public int redrive(String deadLetterTopic) {
    int redriven = 0;
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig)) {
      for (ConsumerRecord<String, String> record : pending(consumer, deadLetterTopic)) {
        String original = header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (original == null) {
          throw new KafkaException(
              "record at offset "
                  + record.offset()
                  + " of "
                  + deadLetterTopic
                  + " has no original topic");
        }
        ProducerRecord<String, String> again =
            new ProducerRecord<>(original, record.key(), record.value());
        Header contentType = record.headers().lastHeader("content-type");
        if (contentType != null) {
          again.headers().add(contentType);
        }
        try {
          producer.send(again).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new KafkaException("could not re-drive to " + original, e);
        }
        consumer.commitSync(
            Map.of(
                new TopicPartition(record.topic(), record.partition()),
                new OffsetAndMetadata(record.offset() + 1)));
        redriven++;
      }
    }
    return redriven;
  }

  /** Every record after the group's committed offsets, up to the end offsets seen now. */
  private List<ConsumerRecord<String, String>> pending(
      KafkaConsumer<String, String> consumer, String topic) {
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
            .map(info -> new TopicPartition(topic, info.partition()))
            .toList();
    consumer.assign(partitions);
    Map<TopicPartition, OffsetAndMetadata> committed =
        consumer.committed(new java.util.HashSet<>(partitions), Duration.ofSeconds(10));
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
    for (TopicPartition partition : partitions) {
      OffsetAndMetadata offset = committed.get(partition);
      if (offset == null) {
        consumer.seekToBeginning(List.of(partition));
      } else {
        consumer.seek(partition, offset.offset());
      }
    }
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!caughtUp(consumer, end) && System.nanoTime() < deadline) {
      for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
        if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
          records.add(record);
        }
      }
    }
    return records;
  }

  private static boolean caughtUp(
      KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream()
        .allMatch(entry -> consumer.position(entry.getKey()) >= entry.getValue());
  }

  private static DeadLetter letter(ConsumerRecord<String, String> record) {
    String partition = number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION);
    String offset = number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET);
    return new DeadLetter(
        header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
        partition == null ? -1 : Integer.parseInt(partition),
        offset == null ? -1 : Long.parseLong(offset),
        record.key(),
        record.value(),
        // the listener's exception wraps the cause, which is what a reader needs
        header(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN) != null
            ? header(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)
            : header(record, KafkaHeaders.DLT_EXCEPTION_FQCN),
        header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
        Instant.ofEpochMilli(record.timestamp()));
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** Spring Kafka writes partition and offset headers as big-endian binary numbers. */
  private static String number(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    if (header == null) {
      return null;
    }
    byte[] bytes = header.value();
    return switch (bytes.length) {
      case 4 -> Integer.toString(ByteBuffer.wrap(bytes).getInt());
      case 8 -> Long.toString(ByteBuffer.wrap(bytes).getLong());
      default -> new String(bytes, StandardCharsets.UTF_8);
    };
  }
}
