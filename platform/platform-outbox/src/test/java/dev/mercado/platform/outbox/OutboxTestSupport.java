package dev.mercado.platform.outbox;

import dev.mercado.testkit.Infrastructure;
import dev.mercado.testkit.KafkaRecords;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Topics and a reader for the outbox's tests, on the test kit's real Kafka. */
final class OutboxTestSupport {

  private OutboxTestSupport() {}

  static void properties(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "outbox_it");
    registry.add("spring.kafka.bootstrap-servers", Infrastructure::kafka);
  }

  /** A new topic with three partitions, so per-key order is not a side effect of one partition. */
  static String newTopic() throws ExecutionException, InterruptedException {
    String topic = "outbox-it." + UUID.randomUUID();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", Infrastructure.kafka()))) {
      admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
    }
    return topic;
  }

  /** Reads {@code topic} from the beginning until {@code enough} holds for what was read. */
  static List<ConsumerRecord<String, String>> read(
      String topic, Duration atMost, Predicate<List<ConsumerRecord<String, String>>> enough) {
    return KafkaRecords.readUntil(topic, atMost, enough);
  }
}
