package dev.mercado.launcher.amqp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QpidBrokerIT {

  private static final Path BASE_DIR = Path.of("target", "amqp-broker-it");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);
  private static final int CONFIRM_TIMEOUT_MILLIS = 10_000;

  private static BrokerProcess broker;

  @BeforeAll
  static void startBroker() throws IOException {
    deleteRecursively(BASE_DIR);
    broker = BrokerProcess.start(freePort(), BASE_DIR.resolve("work"));
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.stop();
    }
  }

  @Test
  void confirmsEveryPublishedMessage() throws Exception {
    try (Connection connection = connect();
        Channel channel = connection.createChannel()) {
      // given
      String queue = "it.confirms";
      channel.queueDeclare(queue, true, false, false, null);
      channel.confirmSelect();
      AtomicInteger nacks = new AtomicInteger();
      List<Long> acked = new ArrayList<>();
      channel.addConfirmListener(
          (tag, multiple) -> {
            synchronized (acked) {
              acked.add(tag);
            }
          },
          (tag, multiple) -> nacks.incrementAndGet());

      // when
      for (int i = 0; i < 5; i++) {
        channel.basicPublish("", queue, MessageProperties.PERSISTENT_TEXT_PLAIN, body("m" + i));
      }

      // then
      assertThat(channel.waitForConfirms(CONFIRM_TIMEOUT_MILLIS)).isTrue();
      assertThat(nacks).hasValue(0);
      synchronized (acked) {
        assertThat(acked).isNotEmpty().last().isEqualTo(5L);
      }
      assertThat(channel.queueDeclarePassive(queue).getMessageCount()).isEqualTo(5);
    }
  }

  @Test
  void neverHasMoreUnackedDeliveriesThanThePrefetch() throws Exception {
    int messages = 10;
    try (Connection connection = connect();
        Channel publisher = connection.createChannel();
        Channel consumer = connection.createChannel()) {
      // given
      String queue = "it.prefetch";
      publisher.queueDeclare(queue, true, false, false, null);
      publisher.confirmSelect();
      for (int i = 0; i < messages; i++) {
        publisher.basicPublish("", queue, MessageProperties.PERSISTENT_TEXT_PLAIN, body("m" + i));
      }
      publisher.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MILLIS);
      consumer.basicQos(2);
      BlockingQueue<Long> unacked = new LinkedBlockingQueue<>();
      AtomicInteger maxUnacked = new AtomicInteger();
      AtomicInteger delivered = new AtomicInteger();

      // when
      consumer.basicConsume(
          queue,
          false,
          (tag, delivery) -> {
            unacked.add(delivery.getEnvelope().getDeliveryTag());
            maxUnacked.accumulateAndGet(unacked.size(), Math::max);
            delivered.incrementAndGet();
          },
          tag -> {});

      // then: the broker stops at two and stays there while nothing is acknowledged
      await().atMost(DELIVERY_TIMEOUT).until(() -> unacked.size() == 2);
      await()
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(5))
          .until(() -> delivered.get() == 2);

      // and: each ack lets exactly one more through, until the queue is drained
      int acked = 0;
      while (acked < messages) {
        await().atMost(DELIVERY_TIMEOUT).until(() -> !unacked.isEmpty());
        consumer.basicAck(unacked.remove(), false);
        acked++;
      }
      assertThat(delivered).hasValue(messages);
      assertThat(maxUnacked).hasValue(2);
    }
  }

  @Test
  void redeliversAnUnackedMessageAfterTheConsumerChannelCloses() throws Exception {
    try (Connection connection = connect()) {
      // given
      String queue = "it.redelivery";
      Channel publisher = connection.createChannel();
      publisher.queueDeclare(queue, true, false, false, null);
      publisher.confirmSelect();
      publisher.basicPublish("", queue, MessageProperties.PERSISTENT_TEXT_PLAIN, body("once"));
      publisher.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MILLIS);

      Channel first = connection.createChannel();
      BlockingQueue<Delivery> firstDeliveries = consumeWithoutAck(first, queue);
      await().atMost(DELIVERY_TIMEOUT).until(() -> !firstDeliveries.isEmpty());
      assertThat(firstDeliveries.peek().getEnvelope().isRedeliver()).isFalse();

      // when
      first.close();

      // then
      Channel second = connection.createChannel();
      BlockingQueue<Delivery> secondDeliveries = consumeWithoutAck(second, queue);
      await().atMost(DELIVERY_TIMEOUT).until(() -> !secondDeliveries.isEmpty());
      Delivery redelivered = secondDeliveries.remove();
      assertThat(redelivered.getEnvelope().isRedeliver()).isTrue();
      assertThat(text(redelivered.getBody())).isEqualTo("once");
      second.basicAck(redelivered.getEnvelope().getDeliveryTag(), false);
    }
  }

  @Test
  void keepsPersistentMessagesOnDurableQueuesAcrossARestart() throws Exception {
    // given
    String queue = "it.restart";
    try (Connection connection = connect();
        Channel channel = connection.createChannel()) {
      channel.queueDeclare(queue, true, false, false, null);
      channel.confirmSelect();
      channel.basicPublish("", queue, MessageProperties.PERSISTENT_TEXT_PLAIN, body("kept"));
      channel.basicPublish("", queue, MessageProperties.TEXT_PLAIN, body("transient"));
      channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MILLIS);
    }

    // when
    int exitCode = broker.stop();
    broker = BrokerProcess.start(broker.port(), broker.workDir());

    // then
    assertThat(exitCode).as("exit status after SIGTERM").isEqualTo(143);
    try (Connection connection = connect();
        Channel channel = connection.createChannel()) {
      assertThat(channel.queueDeclarePassive(queue).getMessageCount()).isEqualTo(1);
      GetResponse response = channel.basicGet(queue, true);
      assertThat(response).isNotNull();
      assertThat(text(response.getBody())).isEqualTo("kept");
      assertThat(response.getProps().getDeliveryMode()).isEqualTo(2);
    }
  }

  @Test
  void returnsAnUnroutableMandatoryMessageInsteadOfClosingTheConnection() throws Exception {
    try (Connection connection = connect();
        Channel channel = connection.createChannel()) {
      // given
      BlockingQueue<Integer> replyCodes = new LinkedBlockingQueue<>();
      channel.addReturnListener(returned -> replyCodes.add(returned.getReplyCode()));

      // when
      channel.basicPublish("", "it.no-such-queue", true, MessageProperties.TEXT_PLAIN, body("x"));

      // then
      await().atMost(DELIVERY_TIMEOUT).until(() -> !replyCodes.isEmpty());
      assertThat(replyCodes.remove()).isEqualTo(312);
      assertThat(connection.isOpen()).isTrue();
    }
  }

  @Test
  void refusesAnUnknownVirtualHost() {
    // given
    ConnectionFactory factory = connectionFactory();
    factory.setVirtualHost("no-such-vhost");

    // when
    Throwable failure = catchThrowable(factory::newConnection);

    // then
    assertThat(failure)
        .isInstanceOf(IOException.class)
        .cause()
        .isInstanceOf(ShutdownSignalException.class)
        .hasMessageContaining("reply-code=404")
        .hasMessageContaining("Unknown virtual host");
  }

  @Test
  void closesTheConnectionOnRabbitMqSpecificQueueArguments() throws Exception {
    // given
    Connection connection = connect();
    try {
      Channel channel = connection.createChannel();

      // when
      Throwable failure =
          catchThrowable(
              () ->
                  channel.queueDeclare(
                      "it.dead-lettered",
                      true,
                      false,
                      false,
                      Map.of("x-dead-letter-exchange", "it.dlx")));

      // then: applications keep dead-lettering to themselves, so the same code runs on RabbitMQ
      assertThat(failure)
          .isInstanceOf(IOException.class)
          .cause()
          .isInstanceOf(ShutdownSignalException.class)
          .hasMessageContaining("reply-code=542")
          .hasMessageContaining("x-dead-letter-exchange");
      assertThat(connection.isOpen()).isFalse();
    } finally {
      connection.abort();
    }
  }

  @Test
  void refusesToStartOnAPortThatIsAlreadyInUse() throws Exception {
    // given
    Path log = BASE_DIR.resolve("port-in-use.log");

    // when
    Process second =
        BrokerProcess.launch(
            List.of(
                "--port",
                Integer.toString(broker.port()),
                "--work-dir",
                BASE_DIR.resolve("other-work").toString()),
            log);

    // then
    assertThat(second.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(second.exitValue()).isEqualTo(QpidBroker.EXIT_FAILURE);
    assertThat(Files.readString(log))
        .contains("AMQP broker failed to start: port " + broker.port())
        .contains("already in use");
  }

  @Test
  void exitsWithUsageWhenAnArgumentIsMissing() throws Exception {
    // given
    Path log = BASE_DIR.resolve("missing-argument.log");

    // when
    Process process = BrokerProcess.launch(List.of("--port", "5999"), log);

    // then
    assertThat(process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(QpidBroker.EXIT_USAGE);
    assertThat(Files.readString(log)).contains("--work-dir is required").contains("usage:");
  }

  private static Connection connect() throws Exception {
    return connectionFactory().newConnection("amqp-broker-it");
  }

  private static ConnectionFactory connectionFactory() {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(QpidBroker.BIND_ADDRESS);
    factory.setPort(broker.port());
    factory.setUsername("guest");
    factory.setPassword("guest");
    factory.setVirtualHost("/");
    factory.setConnectionTimeout(5_000);
    factory.setAutomaticRecoveryEnabled(false);
    return factory;
  }

  private static BlockingQueue<Delivery> consumeWithoutAck(Channel channel, String queue)
      throws IOException {
    BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    channel.basicConsume(queue, false, (tag, delivery) -> deliveries.add(delivery), tag -> {});
    return deliveries;
  }

  private static byte[] body(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }

  /** The broker as a child JVM, started the way the launcher starts it. */
  private static final class BrokerProcess {

    private static final AtomicInteger STARTS = new AtomicInteger();

    private final int port;
    private final Path workDir;
    private final Process process;

    private BrokerProcess(int port, Path workDir, Process process) {
      this.port = port;
      this.workDir = workDir;
      this.process = process;
    }

    static BrokerProcess start(int port, Path workDir) {
      Path log = BASE_DIR.resolve("broker-" + STARTS.incrementAndGet() + ".log");
      Process process =
          launch(List.of("--port", Integer.toString(port), "--work-dir", workDir.toString()), log);
      String ready = "AMQP broker ready on " + QpidBroker.BIND_ADDRESS + ":" + port;
      await("broker ready in " + log)
          .atMost(START_TIMEOUT)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                if (!process.isAlive()) {
                  throw new IllegalStateException(
                      "broker exited with " + process.exitValue() + ":\n" + Files.readString(log));
                }
                return Files.readString(log).contains(ready);
              });
      return new BrokerProcess(port, workDir, process);
    }

    static Process launch(List<String> arguments, Path log) {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx128m");
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(QpidBroker.class.getName());
      command.addAll(arguments);
      try {
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    int port() {
      return port;
    }

    Path workDir() {
      return workDir;
    }

    /** Sends SIGTERM and waits for the exit; returns the exit status. */
    int stop() {
      process.destroy();
      try {
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
          throw new IllegalStateException("broker ignored SIGTERM for " + STOP_TIMEOUT);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
        throw new IllegalStateException("interrupted while stopping the broker", e);
      }
      return process.exitValue();
    }
  }
}
