package dev.mercado.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mercado.platform.events.CloudEvent;
import dev.mercado.platform.events.CloudEventJson;
import dev.mercado.platform.jobs.Jobs;
import dev.mercado.platform.outbox.internal.KafkaOutboxTransport;
import dev.mercado.platform.outbox.internal.OutboxMetrics;
import dev.mercado.platform.outbox.internal.OutboxRelay;
import dev.mercado.platform.outbox.internal.OutboxStore;
import dev.mercado.platform.outbox.internal.OutboxTracing;
import dev.mercado.testkit.Infrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** R10: the transactional outbox against a real PostgreSQL and a real Kafka broker. */
@SpringBootTest(classes = OutboxTestApplication.class)
class OutboxIT {

  record ProductChanged(String productId, int version) {}

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    OutboxTestSupport.properties(registry);
  }

  @Autowired Outbox outbox;
  @Autowired Jobs jobs;
  @Autowired OutboxStore store;
  @Autowired OutboxRelay relay;
  @Autowired OutboxProperties properties;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JdbcClient jdbc;
  @Autowired MeterRegistry meters;

  private final CloudEventJson json = new CloudEventJson();

  private TransactionTemplate transaction() {
    return new TransactionTemplate(transactionManager);
  }

  @Test
  void publishesACommittedEventAsACloudEventKeyedByItsSubject() throws Exception {
    String topic = OutboxTestSupport.newTopic();

    CloudEvent appended =
        transaction()
            .execute(
                status ->
                    outbox.append(
                        topic, "test.product-changed", "p-1", new ProductChanged("p-1", 1)));

    List<ConsumerRecord<String, String>> records =
        OutboxTestSupport.read(topic, Duration.ofSeconds(30), read -> !read.isEmpty());
    ConsumerRecord<String, String> record = records.get(0);
    CloudEvent published = json.read(record.value());
    assertThat(record.key()).isEqualTo("p-1");
    assertThat(
            new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
        .isEqualTo(CloudEvent.CONTENT_TYPE);
    assertThat(published.id()).isEqualTo(appended.id());
    assertThat(published.source()).isEqualTo("outbox-it");
    assertThat(json.data(published, ProductChanged.class)).isEqualTo(new ProductChanged("p-1", 1));
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                jdbc.sql("SELECT sent_at IS NOT NULL FROM outbox_message WHERE id = ?::uuid")
                    .param(appended.id())
                    .query(Boolean.class)
                    .single());
    assertThat(meters.get("mercado.outbox.published").counter().count()).isPositive();
  }

  @Test
  void storesNothingForARolledBackChange() {
    long before = count();

    assertThatThrownBy(
            () ->
                transaction()
                    .executeWithoutResult(
                        status -> {
                          outbox.append(
                              "never", "test.product-changed", "p-2", new ProductChanged("p-2", 1));
                          throw new IllegalStateException("the business change failed");
                        }))
        .hasMessage("the business change failed");

    assertThat(count()).isEqualTo(before);
  }

  /**
   * A transaction's appends are stored together just before it commits (one INSERT), in the order
   * they were made; a nested REQUIRES_NEW transaction stores and commits its own on its own, and
   * what the outer one appended is lost with it when it rolls back.
   */
  @Test
  void storesATransactionsAppendsInTheirOrderAndANestedTransactionsOnItsOwn() throws Exception {
    String topic = OutboxTestSupport.newTopic();
    TransactionTemplate nested = transaction();
    nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    List<String> outer = new ArrayList<>();
    String[] inner = new String[1];

    transaction()
        .executeWithoutResult(
            status -> {
              outer.add(append(topic, "a", 1));
              outer.add(append(topic, "a", 2));
              nested.executeWithoutResult(in -> inner[0] = append(topic, "b", 1));
              outer.add(append(topic, "a", 3));
            });

    List<String> stored =
        jdbc.sql("SELECT id::text FROM outbox_message WHERE topic = ? ORDER BY position")
            .param(topic)
            .query(String.class)
            .list();
    assertThat(stored).containsExactly(inner[0], outer.get(0), outer.get(1), outer.get(2));

    assertThatThrownBy(
            () ->
                transaction()
                    .executeWithoutResult(
                        status -> {
                          append(topic, "c", 1);
                          nested.executeWithoutResult(in -> inner[0] = append(topic, "d", 1));
                          throw new IllegalStateException("the outer change failed");
                        }))
        .hasMessage("the outer change failed");
    assertThat(
            jdbc.sql("SELECT message_key FROM outbox_message WHERE topic = ? ORDER BY position")
                .param(topic)
                .query(String.class)
                .list())
        .containsExactly("b", "a", "a", "a", "d");
  }

  private String append(String topic, String key, int version) {
    return outbox.append(topic, "test.product-changed", key, new ProductChanged(key, version)).id();
  }

  @Test
  void refusesAnEventOutsideATransaction() {
    assertThatThrownBy(
            () ->
                outbox.append("never", "test.product-changed", "p-3", new ProductChanged("p-3", 1)))
        .isInstanceOf(IllegalTransactionStateException.class);
  }

  @Test
  void keepsEachKeysOrderWithTwoRelaysRunning() throws Exception {
    String topic = OutboxTestSupport.newTopic();
    OutboxRelay second = secondRelay();
    second.start();
    try {
      for (int version = 1; version <= 20; version++) {
        int v = version;
        transaction()
            .executeWithoutResult(
                status -> {
                  for (int product = 0; product < 10; product++) {
                    outbox.append(
                        topic,
                        "test.product-changed",
                        "p-" + product,
                        new ProductChanged("p-" + product, v));
                  }
                });
      }

      List<ConsumerRecord<String, String>> records =
          OutboxTestSupport.read(topic, Duration.ofSeconds(60), read -> read.size() >= 200);

      Map<String, List<Integer>> versionsByKey = new LinkedHashMap<>();
      for (ConsumerRecord<String, String> record : records) {
        versionsByKey
            .computeIfAbsent(record.key(), key -> new ArrayList<>())
            .add(json.data(json.read(record.value()), ProductChanged.class).version());
      }
      assertThat(records).hasSize(200);
      assertThat(versionsByKey).hasSize(10);
      versionsByKey.forEach(
          (key, versions) ->
              assertThat(versions).as(key).isSorted().hasSize(20).doesNotHaveDuplicates());
    } finally {
      second.stop();
    }
  }

  @Test
  void cleansUpSentEventsOlderThanTheRetention() {
    String topic = "cleanup-only";
    CloudEvent old =
        transaction()
            .execute(status -> outbox.append(topic, "t", "old", new ProductChanged("old", 1)));
    CloudEvent recent =
        transaction()
            .execute(
                status -> outbox.append(topic, "t", "recent", new ProductChanged("recent", 1)));
    jdbc.sql("UPDATE outbox_message SET sent_at = now() - interval '2 days' WHERE id = ?::uuid")
        .param(old.id())
        .update();
    jdbc.sql("UPDATE outbox_message SET sent_at = now() WHERE id = ?::uuid")
        .param(recent.id())
        .update();

    int deleted = relay.cleanUp();

    assertThat(deleted).isGreaterThanOrEqualTo(1);
    assertThat(exists(old)).isFalse();
    assertThat(exists(recent)).isTrue();
  }

  private OutboxRelay secondRelay() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafka());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return new OutboxRelay(
        store,
        List.of(
            new KafkaOutboxTransport(
                new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config)))),
        transaction(),
        properties,
        new OutboxMetrics(new SimpleMeterRegistry()),
        Clock.systemUTC(),
        OutboxTracing.NONE,
        jobs);
  }

  private long count() {
    return jdbc.sql("SELECT count(*) FROM outbox_message").query(Long.class).single();
  }

  private boolean exists(CloudEvent event) {
    return jdbc.sql("SELECT count(*) FROM outbox_message WHERE id = ?::uuid")
            .param(event.id())
            .query(Long.class)
            .single()
        > 0;
  }
}
