package dev.mercado.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mercado.platform.events.CloudEvent;
import dev.mercado.platform.events.CloudEventJson;
import dev.mercado.platform.inbox.internal.InboxCleanup;
import dev.mercado.testkit.Infrastructure;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * R12: an idempotent consumer against real PostgreSQL and Kafka — duplicates have one effect,
 * poison events are parked on the dead-letter topic after bounded retries without blocking the
 * partition, and parked events can be re-driven once fixed.
 */
@SpringBootTest(classes = InboxTestApplication.class)
class InboxIT {

  private static final String DEAD_LETTERS = InboxTestApplication.TOPIC + ".dlt";
  private static KafkaProducer<String, String> producer;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
    Infrastructure.registerDatabase(registry, "inbox_it");
    registry.add("spring.kafka.bootstrap-servers", Infrastructure::kafka);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", Infrastructure.kafka()))) {
      admin
          .createTopics(List.of(new NewTopic(InboxTestApplication.TOPIC, 3, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
    producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", Infrastructure.kafka(), "acks", "all"),
            new StringSerializer(),
            new StringSerializer());
  }

  @AfterAll
  static void closeProducer() {
    producer.close();
  }

  @Autowired JdbcClient jdbc;
  @Autowired DeadLetters deadLetters;
  @Autowired InboxCleanup cleanup;
  @Autowired InboxTestApplication.Listener listener;

  private final CloudEventJson json = new CloudEventJson();

  @Test
  void appliesAnEventOnceWhenKafkaDeliversItTwice() throws Exception {
    CloudEvent event = event("twice");
    send(event.subject(), json.write(event));
    send(event.subject(), json.write(event));
    CloudEvent marker = event("twice");
    send(marker.subject(), json.write(marker));

    await().atMost(Duration.ofSeconds(30)).until(() -> effects(marker.id()) == 1);

    assertThat(effects(event.id())).isEqualTo(1);
    assertThat(listener.attempts.get("twice")).isEqualTo(2);
  }

  @Test
  void parksAnEventThatKeepsFailingAndGoesOnWithTheNext() throws Exception {
    listener.failingSubjects.add("poison");
    CloudEvent poison = event("poison");
    CloudEvent next = event("poison-next");
    send("same-key", json.write(poison));
    send("same-key", json.write(next));

    await().atMost(Duration.ofSeconds(30)).until(() -> effects(next.id()) == 1);

    assertThat(effects(poison.id())).isZero();
    assertThat(listener.attempts.get("poison")).isEqualTo(3);
    assertThat(deadLetters.list(DEAD_LETTERS, 100))
        .anySatisfy(
            letter -> {
              assertThat(letter.value()).contains(poison.id());
              assertThat(letter.originalTopic()).isEqualTo(InboxTestApplication.TOPIC);
              assertThat(letter.reason()).contains("the effect failed for poison");
            });
  }

  @Test
  void parksARecordThatIsNotACloudEventWithItsCause() throws Exception {
    send("garbage", "this is not an event");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                deadLetters.list(DEAD_LETTERS, 100).stream()
                    .anyMatch(letter -> letter.value().equals("this is not an event")));
    assertThat(deadLetters.list(DEAD_LETTERS, 100))
        .filteredOn(letter -> letter.value().equals("this is not an event"))
        .allSatisfy(
            letter -> assertThat(letter.exception()).endsWith("InvalidCloudEventException"));
  }

  @Test
  void redrivesAParkedEventOnceItsCauseIsFixed() throws Exception {
    listener.failingSubjects.add("flaky");
    CloudEvent flaky = event("flaky");
    send(flaky.subject(), json.write(flaky));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                deadLetters.list(DEAD_LETTERS, 100).stream()
                    .anyMatch(letter -> letter.value().contains(flaky.id())));

    listener.failingSubjects.remove("flaky");
    int redriven = deadLetters.redrive(DEAD_LETTERS);

    assertThat(redriven).isPositive();
    await().atMost(Duration.ofSeconds(30)).until(() -> effects(flaky.id()) == 1);
    assertThat(deadLetters.list(DEAD_LETTERS, 100))
        .noneMatch(letter -> letter.value().contains(flaky.id()));
  }

  private CloudEvent event(String subject) {
    return CloudEvent.create(
        "inbox-it",
        "test.happened",
        subject,
        json.data(Map.of("subject", subject)),
        Clock.systemUTC());
  }

  private void send(String key, String value) throws Exception {
    producer
        .send(new ProducerRecord<>(InboxTestApplication.TOPIC, key, value))
        .get(10, TimeUnit.SECONDS);
  }

  private int effects(String eventId) {
    return jdbc.sql("SELECT count(*) FROM effect WHERE event_id = ?")
        .param(eventId)
        .query(Integer.class)
        .single();
  }

  @Test
  void forgetsEventIdsOlderThanTheRetentionAndKeepsTheRest() {
    jdbc.sql(
            "INSERT INTO inbox_message (consumer, event_id, event_type, received_at) VALUES"
                + " ('cleanup-test', 'old', 't', now() - interval '15 days'),"
                + " ('cleanup-test', 'recent', 't', now() - interval '13 days')")
        .update();

    cleanup.cleanUp();

    assertThat(
            jdbc.sql("SELECT event_id FROM inbox_message WHERE consumer = 'cleanup-test'")
                .query(String.class)
                .list())
        .containsExactly("recent");
  }
}
