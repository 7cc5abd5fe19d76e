package dev.mercado.testkit;

import dev.mercado.launcher.AmqpBroker;
import dev.mercado.launcher.KafkaBroker;
import dev.mercado.launcher.MailServerSimulator;
import dev.mercado.launcher.OsProcess;
import dev.mercado.launcher.PaymentProviderSimulator;
import dev.mercado.launcher.PostgresAdmin;
import dev.mercado.launcher.PostgresAdmin.ServiceDatabase;
import dev.mercado.launcher.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Real infrastructure for tests, started lazily once per test JVM and stopped when it exits, with
 * the same code the launcher uses ({@code launcher-app}).
 *
 * <p>Two modes, chosen by the system property {@code mercado.infra} or the environment variable
 * {@code MERCADO_INFRA}:
 *
 * <ul>
 *   <li>{@code embedded} (default): PostgreSQL (zonky binaries), a KRaft Kafka broker and the Qpid
 *       AMQP broker as child processes on free ports, data under {@code target/testkit};
 *   <li>{@code local}: this machine's PostgreSQL (127.0.0.1:5432, trust) and RabbitMQ
 *       (127.0.0.1:5672, guest/guest). Kafka is always embedded. Service databases get the prefix
 *       {@code it_} and are dropped and recreated once per JVM, so tests never touch the data of a
 *       running {@code ./mercado up --infra local}.
 * </ul>
 *
 * <p>Thread-safe: the first caller of each accessor starts the server; later callers share it.
 */
public final class Infrastructure {

  /** Where an AMQP 0-9-1 broker listens and how to log in. */
  public record AmqpEndpoint(String host, int port, String username, String password) {}

  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private static final Path WORK =
      Path.of("target", "testkit", UUID.randomUUID().toString()).toAbsolutePath();

  private static final Set<String> recreated = new HashSet<>();
  private static PostgresAdmin postgres;
  private static KafkaBroker kafka;
  private static AmqpEndpoint amqp;
  private static PaymentProviderSimulator paymentProvider;
  private static PaymentProviderSimulator alternativePaymentProvider;
  private static MailServerSimulator mailServer;

  private Infrastructure() {}

  /** True when tests run against this machine's own servers ({@code -Dmercado.infra=local}). */
  public static boolean local() {
    String mode = System.getProperty("mercado.infra", System.getenv("MERCADO_INFRA"));
    return mode != null && mode.toLowerCase(Locale.ROOT).equals("local");
  }

  /** A PostgreSQL server this JVM may create databases on, as its superuser. */
  public static synchronized PostgresAdmin postgres() {
    if (postgres == null) {
      if (local()) {
        postgres = new PostgresAdmin("127.0.0.1", 5432, "postgres");
      } else {
        PostgresServer server =
            new PostgresServer(
                WORK.resolve("postgres"),
                repository().resolve("target/pg-binaries"),
                WORK.resolve("postgres.log"),
                freePort());
        start(server::start, "PostgreSQL");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(Duration.ofSeconds(10))));
        postgres = server.admin();
      }
    }
    return postgres;
  }

  /**
   * The database of {@code service}, provisioned the way the launcher does it (own role, closed to
   * other roles). In local mode it is named {@code it_<service>} and recreated empty once per JVM.
   */
  public static synchronized ServiceDatabase database(String service) {
    PostgresAdmin admin = postgres();
    try {
      if (local()) {
        String name = "it_" + service;
        if (!recreated.contains(name)) {
          admin.drop(name);
          recreated.add(name);
        }
        return admin.provision(name);
      }
      return admin.provision(service);
    } catch (SQLException e) {
      throw new IllegalStateException("could not provision the database of " + service, e);
    }
  }

  /** Points Spring's datasource at {@code service}'s own database. */
  public static void registerDatabase(DynamicPropertyRegistry registry, String service) {
    ServiceDatabase database = database(service);
    registry.add("spring.datasource.url", database::jdbcUrl);
    registry.add("spring.datasource.username", database::username);
    registry.add("spring.datasource.password", database::password);
  }

  /** Bootstrap servers of a single-node KRaft broker, always embedded. */
  public static synchronized String kafka() {
    return kafkaBroker().bootstrapServers();
  }

  /**
   * The embedded Kafka broker itself, for tests that stop it ({@code stop}) and start it again
   * ({@code start} then {@code awaitReady}) on the same ports and data to simulate an outage.
   */
  public static synchronized KafkaBroker kafkaBroker() {
    if (kafka == null) {
      kafka =
          started(
              new KafkaBroker(
                  repository(),
                  WORK.resolve("kafka"),
                  WORK.resolve("kafka.log"),
                  freePort(),
                  freePort()),
              "Kafka");
    }
    return kafka;
  }

  /** The payment provider simulator, started once per JVM on free ports. */
  public static synchronized PaymentProviderSimulator paymentProvider() {
    if (paymentProvider == null) {
      paymentProvider =
          started(
              new PaymentProviderSimulator(
                  repository(),
                  "payment-provider",
                  WORK.resolve("payment-provider.log"),
                  freePort(),
                  freePort()),
              "the payment provider simulator");
    }
    return paymentProvider;
  }

  /**
   * A second, independent payment provider simulator (its own ledger, idempotency records and fault
   * switches), started once per JVM on free ports: the alternative provider that payments falls
   * back to while {@link #paymentProvider()} is unavailable.
   */
  public static synchronized PaymentProviderSimulator alternativePaymentProvider() {
    if (alternativePaymentProvider == null) {
      alternativePaymentProvider =
          started(
              new PaymentProviderSimulator(
                  repository(),
                  "payment-provider-2",
                  WORK.resolve("payment-provider-alternative.log"),
                  freePort(),
                  freePort()),
              "the alternative payment provider simulator");
    }
    return alternativePaymentProvider;
  }

  /** The mail server simulator (SMTP and its mailbox API), started once per JVM on free ports. */
  public static synchronized MailServerSimulator mailServer() {
    if (mailServer == null) {
      mailServer =
          started(
              new MailServerSimulator(
                  repository(), WORK.resolve("mail.log"), freePort(), freePort()),
              "the mail server simulator");
    }
    return mailServer;
  }

  /** Starts a process, waits until it is ready and stops it when the JVM exits. */
  private static <T extends OsProcess> T started(T simulator, String what) {
    start(
        () -> {
          simulator.start();
          simulator.awaitReady(START_TIMEOUT);
        },
        what);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> simulator.stop(Duration.ofSeconds(10))));
    return simulator;
  }

  /** Points Spring's mail sender ({@code spring.mail.*}) at {@link #mailServer()}. */
  public static void registerMail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> mailServer().smtpPort());
  }

  /** An AMQP 0-9-1 broker: embedded Qpid, or this machine's RabbitMQ in local mode. */
  public static synchronized AmqpEndpoint amqp() {
    if (amqp == null) {
      if (local()) {
        amqp = new AmqpEndpoint("127.0.0.1", 5672, "guest", "guest");
      } else {
        AmqpBroker broker =
            started(
                new AmqpBroker(
                    repository(), WORK.resolve("amqp"), WORK.resolve("amqp.log"), freePort()),
                "AMQP broker");
        amqp = new AmqpEndpoint("127.0.0.1", broker.port(), "guest", "guest");
      }
    }
    return amqp;
  }

  /** Points Spring AMQP ({@code spring.rabbitmq.*}) at {@link #amqp()}. */
  public static void registerAmqp(DynamicPropertyRegistry registry) {
    registry.add("spring.rabbitmq.host", () -> amqp().host());
    registry.add("spring.rabbitmq.port", () -> amqp().port());
    registry.add("spring.rabbitmq.username", () -> amqp().username());
    registry.add("spring.rabbitmq.password", () -> amqp().password());
  }

  /** The repository root: the nearest directory upwards that holds the {@code mercado} script. */
  public static Path repository() {
    Path directory = Path.of("").toAbsolutePath();
    while (directory != null) {
      if (Files.isRegularFile(directory.resolve("mercado"))
          && Files.isRegularFile(directory.resolve("pom.xml"))) {
        return directory;
      }
      directory = directory.getParent();
    }
    throw new IllegalStateException(
        "run the tests inside the Mercado repository (no 'mercado' script above "
            + Path.of("").toAbsolutePath()
            + ")");
  }

  private interface Start {
    void run() throws Exception;
  }

  private static void start(Start start, String what) {
    try {
      start.run();
    } catch (Exception e) {
      throw new IllegalStateException("could not start " + what + " for the tests", e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
