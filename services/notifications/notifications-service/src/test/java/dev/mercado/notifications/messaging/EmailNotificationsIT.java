package dev.mercado.notifications.messaging;

import static dev.mercado.testkit.EventContracts.examplePayload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.mercado.notifications.api.EmailTask;
import dev.mercado.notifications.api.NotificationsQueues;
import dev.mercado.notifications.application.EmailDelivery;
import dev.mercado.orders.api.OrderCancelled;
import dev.mercado.orders.api.OrderConfirmed;
import dev.mercado.orders.api.OrdersTopics;
import dev.mercado.platform.events.CloudEvent;
import dev.mercado.platform.events.CloudEventJson;
import dev.mercado.testkit.EventContracts;
import dev.mercado.testkit.Infrastructure;
import dev.mercado.testkit.KafkaRecords;
import dev.mercado.testkit.TestIdentity;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * R11, R12, R7, F4: order events from a real Kafka become e-mail tasks on a real AMQP broker (the
 * embedded one, or RabbitMQ with {@code -Plocal-infra}), delivered over SMTP to the mail server
 * simulator process, whose mailbox proves how many e-mails went out. One worker with prefetch 3
 * makes the prefetch observable.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mercado.notifications.max-attempts=3",
      "mercado.notifications.initial-backoff=100ms",
      "mercado.notifications.max-backoff=300ms",
      "mercado.notifications.retry-poll-interval=100ms",
      "spring.rabbitmq.listener.simple.prefetch=3",
      "spring.rabbitmq.listener.simple.concurrency=1",
      "spring.mail.properties[mail.smtp.timeout]=15000",
      "management.endpoints.web.exposure.include=health,deadletters"
    })
class EmailNotificationsIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final JsonMapper mapper = JsonMapper.builder().build();
  private static final CloudEventJson json = new CloudEventJson();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "notifications");
    registry.add("spring.kafka.bootstrap-servers", Infrastructure::kafka);
    Infrastructure.registerAmqp(registry);
    Infrastructure.registerMail(registry);
    TestIdentity.register(registry);
  }

  @LocalServerPort int port;
  @Autowired RabbitTemplate rabbit;
  @Autowired RabbitListenerEndpointRegistry listeners;
  @Autowired JdbcClient jdbc;
  @Autowired MeterRegistry meters;

  @AfterEach
  void smtpUpAndWorkersRunning() throws Exception {
    faults("{\"down\":false}");
    listeners.start();
  }

  @Test
  void sendsOneEmailForAConfirmedOrderBuiltFromTheCheckedInExample() throws Exception {
    UUID order = UUID.randomUUID();

    KafkaRecords.send(OrdersTopics.ORDER_CONFIRMED, confirmed(order));

    JsonNode mail = awaitMails(order, 1).get(0);
    assertThat(mail.get("subject").asString()).isEqualTo("Your Mercado order is confirmed");
    assertThat(mail.get("to").get(0).asString()).isEqualTo("c-42@customers.mercado.example");
    assertThat(mail.get("body").asString()).contains(order.toString()).contains("25.00 EUR");
    JsonNode notification = awaitNotification(order, "SENT");
    assertThat(notification.get("attempts").asInt()).isEqualTo(1);
    assertThat(mail.get("messageId").asString()).contains(notification.get("id").asString());
  }

  @Test
  void sendsEmailsOneAfterAnotherOverOneSmtpConnection() throws Exception {
    double openedBefore = meters.counter("mercado.notifications.smtp.connections").count();
    List<UUID> orders = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

    for (UUID order : orders) {
      KafkaRecords.send(OrdersTopics.ORDER_CONFIRMED, confirmed(order));
    }

    for (UUID order : orders) {
      awaitNotification(order, "SENT");
      assertThat(mails(order)).hasSize(1);
    }
    // one worker: the connection of the first e-mail (or of an earlier test's) carries the others
    assertThat(meters.counter("mercado.notifications.smtp.connections").count() - openedBefore)
        .isLessThanOrEqualTo(1);
  }

  @Test
  void aDuplicatedEventMakesOneTaskAndOneEmail() throws Exception {
    UUID order = UUID.randomUUID();
    CloudEvent event = cancelled(order);

    KafkaRecords.send(OrdersTopics.ORDER_CANCELLED, event);
    KafkaRecords.send(OrdersTopics.ORDER_CANCELLED, event);

    awaitNotification(order, "SENT");
    stillOneMailFor(order, Duration.ofMillis(1_500));
    assertThat(mails(order)).hasSize(1);
    assertThat(notifications(order)).hasSize(1);
  }

  @Test
  void aDuplicatedTaskSendsNothingTheSecondTime() throws Exception {
    UUID order = UUID.randomUUID();
    KafkaRecords.send(OrdersTopics.ORDER_CONFIRMED, confirmed(order));
    JsonNode sent = awaitNotification(order, "SENT");

    // the same task again, as a relay that published twice would deliver it
    UUID task = UUID.fromString(sent.get("id").asString());
    publishTask(task, order);
    publishTask(task, order);

    stillOneMailFor(order, Duration.ofMillis(1_500));
    assertThat(mails(order)).hasSize(1);
    assertThat(awaitNotification(order, "SENT").get("attempts").asInt()).isEqualTo(1);
  }

  @Test
  void aTaskHeldByAWorkerThatDiesIsRedeliveredAndSentOnce() throws Exception {
    listeners.stop();
    UUID order = UUID.randomUUID();
    KafkaRecords.send(OrdersTopics.ORDER_CONFIRMED, confirmed(order));
    awaitNotification(order, "QUEUED");

    // a worker takes the task and dies before acknowledging it: its connection just goes away
    try (Connection worker = amqp().newConnection("doomed-worker")) {
      Channel channel = worker.createChannel();
      GetResponse taken =
          await()
              .atMost(WAIT)
              .until(
                  () -> channel.basicGet(NotificationsQueues.EMAIL_TASKS, false), r -> r != null);
      assertThat(taken.getProps().getMessageId()).isNotBlank();
    }
    listeners.start();

    awaitNotification(order, "SENT");
    stillOneMailFor(order, Duration.ofMillis(1_000));
    assertThat(mails(order)).hasSize(1);
  }

  @Test
  void retriesWhileSmtpIsDownThenDeadLettersAndARedriveSendsOnce() throws Exception {
    faults("{\"down\":true}");
    UUID order = UUID.randomUUID();
    double parkedBefore = EmailDelivery.parkedCounter(meters).count();

    KafkaRecords.send(OrdersTopics.ORDER_CONFIRMED, confirmed(order));

    JsonNode dead = awaitNotification(order, "DEAD");
    await("the dead task counted as parked")
        .atMost(WAIT)
        .until(() -> EmailDelivery.parkedCounter(meters).count() >= parkedBefore + 1);
    assertThat(dead.get("attempts").asInt()).isEqualTo(3);
    assertThat(dead.get("lastError").asString()).startsWith("smtp:");
    String dlq = NotificationsQueues.EMAIL_TASKS_DEAD;
    await()
        .atMost(WAIT)
        .until(() -> actuator("GET", "/actuator/deadletters/" + dlq).contains(order.toString()));
    assertThat(mails(order)).isEmpty();

    faults("{\"down\":false}");
    String redriven = actuator("POST", "/actuator/deadletters/" + dlq);

    assertThat(mapper.readTree(redriven).get("redriven").asInt()).isGreaterThanOrEqualTo(1);
    JsonNode sent = awaitNotification(order, "SENT");
    assertThat(sent.get("attempts").asInt()).isEqualTo(1);
    stillOneMailFor(order, Duration.ofMillis(1_000));
    assertThat(mails(order)).hasSize(1);
    assertThat(actuator("GET", "/actuator/deadletters/" + dlq)).doesNotContain(order.toString());
  }

  @Test
  void aWorkerHoldsNoMoreUnacknowledgedTasksThanItsPrefetch() throws Exception {
    faults("{\"stall\":true}");
    List<UUID> orders = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      UUID order = UUID.randomUUID();
      orders.add(order);
      KafkaRecords.send(OrdersTopics.ORDER_CONFIRMED, confirmed(order));
    }
    for (UUID order : orders) {
      awaitNotification(order, "QUEUED");
    }
    await("every task on the queue")
        .atMost(WAIT)
        .until(
            () ->
                jdbc.sql("SELECT count(*) FROM outbox_message WHERE sent_at IS NULL")
                    .query(Long.class)
                    .single(),
            unsent -> unsent == 0);
    // the one worker (prefetch 3) is stuck on the first task until the SMTP timeout (15 s)
    await("the worker stuck in SMTP")
        .atMost(WAIT)
        .until(() -> mailServerHealth().get("stalledConnections").asInt() >= 1);

    // a second consumer without a prefetch limit gets everything the first one was not given
    int others;
    try (Connection connection = amqp().newConnection("prefetch-probe")) {
      Channel channel = connection.createChannel();
      others = 0;
      while (channel.basicGet(NotificationsQueues.EMAIL_TASKS, false) != null) {
        others++;
      }
    } // closed without acknowledging: the tasks go back to the queue

    assertThat(others).isEqualTo(orders.size() - 3);
    faults("{\"stall\":false}");
    for (UUID order : orders) {
      awaitNotification(order, "SENT", "DEAD");
    }
  }

  /** No second e-mail shows up for {@code order} within {@code window}. */
  private static void stillOneMailFor(UUID order, Duration window) {
    await("still one e-mail about " + order)
        .during(window)
        .atMost(window.plus(WAIT))
        .until(() -> mails(order).size() == 1);
  }

  private static JsonNode mailServerHealth() throws Exception {
    return mapper.readTree(
        http.send(
                HttpRequest.newBuilder(URI.create(Infrastructure.mailServer().apiUrl() + "/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body());
  }

  private static CloudEvent confirmed(UUID order) {
    OrderConfirmed example = examplePayload(OrdersTopics.ORDER_CONFIRMED, OrderConfirmed.class);
    return event(
        OrdersTopics.ORDER_CONFIRMED,
        order,
        new OrderConfirmed(order, example.customerId(), example.total(), example.currency()));
  }

  private static CloudEvent cancelled(UUID order) {
    OrderCancelled example = examplePayload(OrdersTopics.ORDER_CANCELLED, OrderCancelled.class);
    return event(
        OrdersTopics.ORDER_CANCELLED,
        order,
        new OrderCancelled(order, example.customerId(), example.reason()));
  }

  private static CloudEvent event(String type, UUID order, Object payload) {
    return EventContracts.like(type, order.toString(), payload);
  }

  private void publishTask(UUID task, UUID order) {
    CloudEvent event =
        EventContracts.like(
            NotificationsQueues.EMAIL_TASKS, order.toString(), new EmailTask(task, order));
    MessageProperties properties = new MessageProperties();
    properties.setMessageId(event.id());
    rabbit.send(
        "",
        NotificationsQueues.EMAIL_TASKS,
        new Message(json.write(event).getBytes(StandardCharsets.UTF_8), properties));
  }

  private static ConnectionFactory amqp() {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(Infrastructure.amqp().host());
    factory.setPort(Infrastructure.amqp().port());
    factory.setUsername(Infrastructure.amqp().username());
    factory.setPassword(Infrastructure.amqp().password());
    return factory;
  }

  private JsonNode awaitNotification(UUID order, String... statuses) {
    List<String> wanted = List.of(statuses);
    return await("notification of " + order + " in " + wanted)
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                notifications(order).stream()
                    .filter(n -> wanted.contains(n.get("status").asString()))
                    .findFirst()
                    .orElse(null),
            n -> n != null);
  }

  private List<JsonNode> awaitMails(UUID order, int count) {
    return await("mails about " + order)
        .atMost(WAIT)
        .until(() -> mails(order), mails -> mails.size() >= count);
  }

  private List<JsonNode> notifications(UUID order) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + port + "/api/v1/notifications?orderId=" + order))
                // as the gateway's page reads it: with a service token
                .header("Authorization", "Bearer " + TestIdentity.get().serviceToken())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<JsonNode> list = new ArrayList<>();
    mapper.readTree(response.body()).forEach(list::add);
    return list;
  }

  private static List<JsonNode> mails(UUID order) throws Exception {
    String filter = URLEncoder.encode("X-Mercado-Order-Id:" + order, StandardCharsets.UTF_8);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(Infrastructure.mailServer().apiUrl() + "/messages?header=" + filter))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<JsonNode> list = new ArrayList<>();
    mapper.readTree(response.body()).forEach(list::add);
    return list;
  }

  private String actuator(String method, String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static void faults(String body) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(Infrastructure.mailServer().apiUrl() + "/faults"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }
}
