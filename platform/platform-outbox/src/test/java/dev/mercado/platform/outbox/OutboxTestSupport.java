package dev.mercado.platform.outbox;

import static org.awaitility.Awaitility.await;

import dev.mercado.testkit.Infrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafka());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-it-" + UUID.randomUUID());
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
}
