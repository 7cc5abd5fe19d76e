package dev.mercado.simulators.mail;

import static dev.mercado.simulators.testkit.SimulatorHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.mercado.simulators.kit.ProblemTypes;
import dev.mercado.simulators.kit.SimulatorProcess;
import dev.mercado.simulators.testkit.FreePorts;
import dev.mercado.simulators.testkit.SimulatorHttp;
import dev.mercado.simulators.testkit.SimulatorJvm;
import dev.mercado.simulators.testkit.SimulatorJvm.Exit;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MailServerIT {

  // spelled out, not taken from the main code: clients depend on these types
  private static final ProblemTypes PROBLEMS = new ProblemTypes("urn:mercado:mail-server:problem:");
  private static final SimulatorJvm JVM =
      new SimulatorJvm(MailServer.class, Path.of("target", "mail-server-it"));
  private static final int SMTP_TIMEOUT_MS = 5_000;

  private static MailServer server;
  private static SimulatorHttp http;

  @BeforeAll
  static void startServer() throws IOException {
    int[] ports = FreePorts.take(2);
    server = MailServer.start(ports[0], ports[1]);
    http = new SimulatorHttp();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void resetServer() {
    assertThat(api("DELETE", "/faults", null).statusCode()).isEqualTo(200);
    assertThat(api("DELETE", "/messages", null).statusCode()).isEqualTo(204);
  }

  @Test
  void listsEveryReceivedMessageInArrivalOrder() throws MessagingException {
    // given
    Instant before = Instant.now();
    MimeMessage first = send(anEmail("alice@example.com", "Order confirmed", "task-1", "order-1"));
    MimeMessage shippedEmail = anEmail("bob@example.com", "Order shipped", "task-2", "order-2");
    shippedEmail.addRecipients(RecipientType.CC, "carol@example.com");
    MimeMessage second = send(shippedEmail);

    // when
    HttpResponse<String> response = api("GET", "/messages", null);

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode messages = json(response);
    assertThat(messages.size()).isEqualTo(2);
    JsonNode confirmed = messages.get(0);
    assertThat(confirmed.path("messageId").asString()).isEqualTo(first.getMessageID());
    assertThat(confirmed.path("from").asString()).isEqualTo("shop@mercado.test");
    assertThat(strings(confirmed.path("to"))).containsExactly("alice@example.com");
    assertThat(confirmed.path("subject").asString()).isEqualTo("Order confirmed");
    assertThat(Instant.parse(confirmed.path("receivedAt").asString()))
        .isBetween(before.minusSeconds(1), Instant.now());
    assertThat(confirmed.path("headers").path("X-Mercado-Task-Id").asString()).isEqualTo("task-1");
    assertThat(confirmed.path("headers").path("X-Mercado-Order-Id").asString())
        .isEqualTo("order-1");
    assertThat(confirmed.path("headers").size()).isEqualTo(2);
    assertThat(confirmed.path("body").asString()).isEqualTo("Hello from Mercado, order-1");
    JsonNode shipped = messages.get(1);
    assertThat(shipped.path("messageId").asString()).isEqualTo(second.getMessageID());
    assertThat(strings(shipped.path("to"))).containsExactly("bob@example.com", "carol@example.com");
  }

  @Test
  void filtersByRecipientAndByHeader() throws MessagingException {
    // given
    send(anEmail("alice@example.com", "Order confirmed", "task-1", "order-1"));
    send(anEmail("bob@example.com", "Order confirmed", "task-2", "order-2"));
    send(anEmail("alice@example.com", "Order shipped", "task-3", "order-2"));

    // when / then
    assertThat(subjectsAndOrders("/messages?to=ALICE@example.com"))
        .containsExactly("Order confirmed order-1", "Order shipped order-2");
    assertThat(subjectsAndOrders("/messages?header=" + encode("X-Mercado-Order-Id:order-2")))
        .containsExactly("Order confirmed order-2", "Order shipped order-2");
    assertThat(
            subjectsAndOrders(
                "/messages?to=alice@example.com&header=" + encode("x-mercado-order-id:order-2")))
        .containsExactly("Order shipped order-2");
    assertThat(subjectsAndOrders("/messages?header=X-Mercado-Task-Id:task-2"))
        .containsExactly("Order confirmed order-2");
    assertThat(subjectsAndOrders("/messages?to=dave@example.com")).isEmpty();
  }

  @Test
  void acceptsConnectionsButNeverAnswersWhileStalled() throws Exception {
    // when
    HttpResponse<String> stalled = api("PUT", "/faults", "{\"stall\":true}");

    // then: the connection opens, the greeting never comes
    assertThat(json(stalled).path("stall").asBoolean()).isTrue();
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(MailServer.BIND_ADDRESS, server.smtpPort()), SMTP_TIMEOUT_MS);
      socket.setSoTimeout(500);
      assertThat(catchThrowable(() -> socket.getInputStream().read()))
          .isInstanceOf(java.net.SocketTimeoutException.class);
      assertThat(json(api("GET", "/health", null)).path("stalledConnections").asInt()).isEqualTo(1);
    }

    // when
    api("PUT", "/faults", "{\"stall\":false}");

    // then
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .untilAsserted(() -> send(anEmail("alice@example.com", "Back", "task-9", "order-9")));
    assertThat(subjectsAndOrders("/messages?header=X-Mercado-Task-Id:task-9")).hasSize(1);
  }

  @Test
  void refusesSmtpConnectionsWhileDownAndKeepsEarlierMessages() throws Exception {
    // given
    MimeMessage before = send(anEmail("alice@example.com", "Before", "task-1", "order-1"));

    // when
    HttpResponse<String> down = api("PUT", "/faults", "{\"down\":true}");

    // then
    assertThat(down.statusCode()).isEqualTo(200);
    assertThat(json(down).path("down").asBoolean()).isTrue();
    assertThat(json(api("GET", "/faults", null)).path("down").asBoolean()).isTrue();
    HttpResponse<String> health = api("GET", "/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json(health).path("status").asString()).isEqualTo("UP");
    assertThat(json(health).path("smtp").asString()).isEqualTo("DOWN");
    assertThat(catchThrowable(MailServerIT::connectToSmtp)).isInstanceOf(ConnectException.class);
    Throwable failed =
        catchThrowable(() -> send(anEmail("alice@example.com", "Lost", "task-2", "order-1")));
    assertThat(failed)
        .isInstanceOf(MessagingException.class)
        .hasRootCauseInstanceOf(ConnectException.class);

    // when
    HttpResponse<String> up = api("PUT", "/faults", "{\"down\":false}");

    // then: the same port, and the messages survived the outage
    assertThat(json(up).path("down").asBoolean()).isFalse();
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreException(ConnectException.class)
        .untilAsserted(MailServerIT::connectToSmtp);
    MimeMessage after = send(anEmail("alice@example.com", "After", "task-3", "order-1"));
    assertThat(json(api("GET", "/health", null)).path("smtp").asString()).isEqualTo("UP");
    List<String> messageIds = new ArrayList<>();
    json(api("GET", "/messages", null))
        .forEach(message -> messageIds.add(message.path("messageId").asString()));
    assertThat(messageIds).containsExactly(before.getMessageID(), after.getMessageID());
  }

  @Test
  void purgesEveryMessage() throws MessagingException {
    // given
    send(anEmail("alice@example.com", "Order confirmed", "task-1", "order-1"));
    assertThat(json(api("GET", "/messages", null)).size()).isEqualTo(1);

    // when
    HttpResponse<String> purged = api("DELETE", "/messages", null);

    // then
    assertThat(purged.statusCode()).isEqualTo(204);
    assertThat(purged.body()).isEmpty();
    assertThat(json(api("GET", "/messages", null)).size()).isZero();
  }

  @Test
  void answersHealthWithSmtpUp() {
    HttpResponse<String> health = api("GET", "/health", null);

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json(health).path("status").asString()).isEqualTo("UP");
    assertThat(json(health).path("smtp").asString()).isEqualTo("UP");
  }

  @Test
  void answersBadInputWithProblemDetails() {
    HttpResponse<String> badType = api("PUT", "/faults", "{\"down\":\"yes\"}");
    assertProblem(badType, 400);
    assertThat(json(badType).path("field").asString()).isEqualTo("down");
    assertThat(json(badType).path("detail").asString()).contains("down");

    HttpResponse<String> unknown = api("PUT", "/faults", "{\"latencyMs\":100}");
    assertProblem(unknown, 400);
    assertThat(json(unknown).path("field").asString()).isEqualTo("latencyMs");

    assertProblem(api("PUT", "/faults", "{not json"), 400);
    assertProblem(api("PUT", "/faults", "[true]"), 400);
    assertProblem(api("PUT", "/faults", null), 400);
    assertThat(json(api("GET", "/faults", null)).path("down").asBoolean()).isFalse();

    HttpResponse<String> badFilter = api("GET", "/messages?header=Subject:Hi", null);
    assertProblem(badFilter, 400);
    assertThat(json(badFilter).path("field").asString()).isEqualTo("header");
    assertProblem(api("GET", "/messages?to=", null), 400);
    assertProblem(api("GET", "/messages?header=", null), 400);

    assertProblem(api("GET", "/nothing-here", null), 404);
    HttpResponse<String> wrongMethod = api("POST", "/messages", "{}");
    assertProblem(wrongMethod, 405);
    assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET, DELETE");
    assertProblem(api("POST", "/faults", "{}"), 405);
    assertProblem(api("DELETE", "/health", null), 405);
  }

  @Test
  void logsEachMessageAndStopsCleanlyOnSigterm() throws Exception {
    // given
    int[] ports = FreePorts.take(2);
    SimulatorJvm.Running other =
        JVM.start(
            List.of(
                "--smtp-port",
                Integer.toString(ports[0]),
                "--api-port",
                Integer.toString(ports[1])),
            "mail server ready on 127.0.0.1:" + ports[0] + " (api 127.0.0.1:" + ports[1] + ")");
    MimeMessage sent =
        send(anEmail("alice@example.com", "Order confirmed", "task-1", "order-1"), ports[0]);

    // when
    int exitCode = other.stop();

    // then
    assertThat(exitCode).as("exit status after SIGTERM").isEqualTo(143);
    assertThat(other.output())
        .contains(
            " mail received message-id="
                + sent.getMessageID()
                + " to=alice@example.com subject=\"Order confirmed\"")
        .contains("mail server stopped");
    assertThat(catchThrowable(() -> connect(ports[0]))).isInstanceOf(ConnectException.class);
    assertThat(catchThrowable(() -> connect(ports[1]))).isInstanceOf(ConnectException.class);
  }

  @Test
  void exitsWithUsageOnBadArguments() throws Exception {
    JVM.assertExitsWithUsage(List.of("--smtp-port", "5999"), "--api-port is required");
    JVM.assertExitsWithUsage(
        List.of("--smtp-port", "five", "--api-port", "5998"), "--smtp-port must be a number");
    JVM.assertExitsWithUsage(List.of(), "--smtp-port is required");
  }

  @Test
  void refusesToStartOnAnSmtpPortThatIsAlreadyInUse() throws Exception {
    // given
    int freeApiPort = FreePorts.take(1)[0];

    // when
    Exit second =
        JVM.runUntilExit(
            List.of(
                "--smtp-port",
                Integer.toString(server.smtpPort()),
                "--api-port",
                Integer.toString(freeApiPort)));

    // then
    assertThat(second.status()).isEqualTo(SimulatorProcess.EXIT_FAILURE);
    assertThat(second.output())
        .contains("mail server failed to start: SMTP port " + server.smtpPort())
        .doesNotContain("\tat ");
  }

  private static MimeMessage anEmail(String to, String subject, String taskId, String orderId)
      throws MessagingException {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom("Mercado <shop@mercado.test>");
    message.setRecipients(RecipientType.TO, to);
    message.setSubject(subject, "UTF-8");
    message.setText("Hello from Mercado, " + orderId, "UTF-8");
    message.setHeader("X-Mercado-Task-Id", taskId);
    message.setHeader("X-Mercado-Order-Id", orderId);
    return message;
  }

  /** Sends through real SMTP and returns the message, now with its Message-ID. */
  private static MimeMessage send(MimeMessage message) throws MessagingException {
    return send(message, server.smtpPort());
  }

  private static MimeMessage send(MimeMessage message, int smtpPort) throws MessagingException {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", MailServer.BIND_ADDRESS);
    properties.put("mail.smtp.port", Integer.toString(smtpPort));
    properties.put("mail.smtp.connectiontimeout", Integer.toString(SMTP_TIMEOUT_MS));
    properties.put("mail.smtp.timeout", Integer.toString(SMTP_TIMEOUT_MS));
    try (Transport transport = Session.getInstance(properties).getTransport("smtp")) {
      transport.connect();
      message.saveChanges();
      transport.sendMessage(message, message.getAllRecipients());
    }
    return message;
  }

  private static void connectToSmtp() throws IOException {
    connect(server.smtpPort());
  }

  private static void connect(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(MailServer.BIND_ADDRESS, port), SMTP_TIMEOUT_MS);
    }
  }

  private static List<String> subjectsAndOrders(String pathAndQuery) {
    HttpResponse<String> response = api("GET", pathAndQuery, null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> found = new ArrayList<>();
    for (JsonNode message : json(response)) {
      found.add(
          message.path("subject").asString()
              + " "
              + message.path("headers").path("X-Mercado-Order-Id").asString());
    }
    return found;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asString()));
    return values;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    SimulatorHttp.assertProblem(response, status, PROBLEMS);
  }

  private static HttpResponse<String> api(String method, String pathAndQuery, String body) {
    return http.send(method, SimulatorHttp.uri(server.apiPort(), pathAndQuery), body);
  }
}
