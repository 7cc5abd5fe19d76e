package dev.mercado.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mercado.launcher.KafkaBroker;
import dev.mercado.platform.events.CloudEvent;
import dev.mercado.platform.events.CloudEventJson;
import dev.mercado.platform.outbox.internal.OutboxStore;
import dev.mercado.testkit.Infrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R10, R7: with the Kafka broker process stopped, changes still commit and their events wait in the
 * outbox; when the broker is back every event is published, none lost.
 */
@SpringBootTest(classes = OutboxTestApplication.class)
class OutboxBrokerOutageIT {

  record Placed(String orderId, int sequence) {}

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    OutboxTestSupport.properties(registry);
  }

  @Autowired Outbox outbox;
  @Autowired OutboxStore store;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired MeterRegistry meters;

  @Test
  void keepsEventsWhileKafkaIsDownAndPublishesThemAllWhenItReturns() throws Exception {
    String topic = OutboxTestSupport.newTopic();
    KafkaBroker broker = Infrastructure.kafkaBroker();
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    double failuresBefore = meters.get("mercado.outbox.publish.failures").counter().count();
    List<String> appended = new ArrayList<>();

    broker.stop(Duration.ofSeconds(30));
    try {
      for (int i = 0; i < 20; i++) {
        int sequence = i;
        CloudEvent event =
            transaction.execute(
                status ->
                    outbox.append(
                        topic,
                        "test.order-placed",
                        "o-" + (sequence % 4),
                        new Placed("o", sequence)));
        appended.add(event.id());
      }
      assertThat(store.backlog().size()).isGreaterThanOrEqualTo(20);
      await("the relay fails while the broker is down")
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  meters.get("mercado.outbox.publish.failures").counter().count() > failuresBefore);
      assertThat(store.backlog().size()).isGreaterThanOrEqualTo(20);
    } finally {
      broker.start();
      broker.awaitReady(Duration.ofMinutes(2));
    }

    List<ConsumerRecord<String, String>> records =
        OutboxTestSupport.read(topic, Duration.ofSeconds(90), read -> read.size() >= 20);
    CloudEventJson json = new CloudEventJson();
    assertThat(records.stream().map(record -> json.read(record.value()).id()))
        .containsExactlyInAnyOrderElementsOf(appended);
    await("backlog drained")
        .atMost(Duration.ofSeconds(30))
        .until(() -> store.backlog().size() == 0);
  }
}
