package dev.mercado.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.mercado.platform.events.CloudEvent;
import dev.mercado.platform.events.CloudEventJson;
import dev.mercado.platform.outbox.internal.OutboxRelay;
import dev.mercado.testkit.Infrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R10 for work queues (R11): items enqueued in a transaction reach a real AMQP broker (the embedded
 * one, or RabbitMQ with {@code -Plocal-infra}) as persistent, confirmed messages, and an item for a
 * queue that does not exist stays in the outbox until the queue does.
 */
@SpringBootTest(
    classes = OutboxTestApplication.class,
    properties = "mercado.outbox.max-backoff=200ms")
class OutboxAmqpIT {

  record EmailTask(String orderId, String template) {}

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    // a database of its own: the Kafka-only tests must not meet its work items
    Infrastructure.registerDatabase(registry, "outbox_amqp_it");
    registry.add("spring.kafka.bootstrap-servers", Infrastructure::kafka);
    Infrastructure.registerAmqp(registry);
  }

  @Autowired Outbox outbox;
  @Autowired OutboxRelay relay;
  @Autowired RabbitTemplate rabbit;
  @Autowired RabbitAdmin admin;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JdbcClient jdbc;

  private final CloudEventJson json = new CloudEventJson();

  @Test
  void publishesAnEnqueuedItemAsAPersistentMessageWithTheEventIdAsMessageId() {
    String queue = newQueue();

    CloudEvent enqueued = enqueue(queue, "o-1");

    Message message = rabbit.receive(queue, 30_000);
    assertThat(message).isNotNull();
    assertThat(message.getMessageProperties().getMessageId()).isEqualTo(enqueued.id());
    assertThat(message.getMessageProperties().getReceivedDeliveryMode())
        .isEqualTo(MessageDeliveryMode.PERSISTENT);
    CloudEvent received = json.read(new String(message.getBody(), StandardCharsets.UTF_8));
    assertThat(received.id()).isEqualTo(enqueued.id());
    assertThat(json.data(received, EmailTask.class)).isEqualTo(new EmailTask("o-1", "confirmed"));
    await().atMost(Duration.ofSeconds(10)).until(() -> sentAt(enqueued) != null);
  }

  @Test
  void keepsAnItemForAMissingQueueUnsentUntilTheQueueExists() {
    String queue = "outbox-it." + UUID.randomUUID();

    CloudEvent enqueued = enqueue(queue, "o-2");

    // the broker returns the unroutable message: not confirmed as delivered, so not sent
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> sentAt(enqueued) == null);
    admin.declareQueue(new Queue(queue, true, false, false));
    Message message = rabbit.receive(queue, 30_000);
    assertThat(message).isNotNull();
    assertThat(message.getMessageProperties().getMessageId()).isEqualTo(enqueued.id());
    await().atMost(Duration.ofSeconds(10)).until(() -> sentAt(enqueued) != null);
    admin.deleteQueue(queue);
  }

  private String newQueue() {
    String queue = "outbox-it." + UUID.randomUUID();
    admin.declareQueue(new Queue(queue, true, false, false));
    return queue;
  }

  private CloudEvent enqueue(String queue, String orderId) {
    return new TransactionTemplate(transactionManager)
        .execute(
            status ->
                outbox.enqueue(
                    queue, "test.email-task", orderId, new EmailTask(orderId, "confirmed")));
  }

  private Object sentAt(CloudEvent event) {
    return jdbc.sql("SELECT sent_at FROM outbox_message WHERE id = ?::uuid")
        .param(event.id())
        .query((row, number) -> row.getObject("sent_at"))
        .optional()
        .orElse(null);
  }
}
