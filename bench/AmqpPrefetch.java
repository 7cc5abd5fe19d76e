import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.MessageProperties;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Work-queue delivery over AMQP 0-9-1: how fast a queue of persistent messages drains with manual
 * acks at prefetch (basic.qos) 1, 10 and 250, compared with auto-ack, for 1 consumer and for 4
 * consumers (one channel each, one connection). Also times publishing with publisher confirms.
 *
 * <pre>
 * bench/amqp-prefetch.sh [embedded|rabbitmq|both] [MESSAGES] [--work-millis 1] [--runs 2]
 * java -cp CLIENT_CLASS_PATH bench/AmqpPrefetch.java --broker NAME --port PORT \
 *     [--messages 20000] [--runs 2] [--work-millis 0] [--wait-seconds 60]
 * </pre>
 *
 * <p>CLIENT_CLASS_PATH is com.rabbitmq:amqp-client with its runtime dependencies (SLF4J and, in
 * 5.27, Netty); the script resolves it from ~/.m2 and starts the embedded broker.
 *
 * <p>Every run uses a fresh durable queue (no arguments: the embedded Qpid broker rejects {@code
 * x-} arguments), filled with MESSAGES persistent 512-byte messages on the default exchange,
 * confirmed in windows of 500. That fill is the publish measurement. Only the drain is timed for
 * the consume scenarios: from the first basic.consume until the last message has been handled
 * (acked, for manual ack; one basic.ack per message). A consumer does nothing but count, or sleeps
 * {@code --work-millis} per message to stand in for a task. Each scenario runs {@code --runs}
 * times, interleaved in rounds; the table shows the best and the median run and the best run's rate
 * relative to auto-ack with the same number of consumers.
 *
 * <p>Bounded: connecting retries for {@code --wait-seconds} (Qpid accepts TCP before its virtual
 * host is up), a fill or a drain gives up after 120 s and the scenario is reported as aborted.
 * Connects to 127.0.0.1 only, as guest/guest, and deletes every queue it declared.
 */
public class AmqpPrefetch {

  private static final int BODY_BYTES = 512;
  private static final int CONFIRM_WINDOW = 500;
  private static final Duration SCENARIO_LIMIT = Duration.ofSeconds(120);
  private static final List<Integer> CONSUMER_COUNTS = List.of(1, 4);
  private static final List<Integer> PREFETCHES = List.of(1, 10, 250);
  private static final int AUTO_ACK = 0;

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(options.port());
    factory.setUsername("guest");
    factory.setPassword("guest");
    factory.setVirtualHost("/");
    factory.setAutomaticRecoveryEnabled(false);
    factory.setConnectionTimeout(5_000);

    List<Scenario> scenarios = new ArrayList<>();
    for (int consumers : CONSUMER_COUNTS) {
      scenarios.add(new Scenario(consumers, AUTO_ACK));
      for (int prefetch : PREFETCHES) {
        scenarios.add(new Scenario(consumers, prefetch));
      }
    }
    Map<Scenario, List<Double>> drains = new LinkedHashMap<>();
    scenarios.forEach(scenario -> drains.put(scenario, new ArrayList<>()));
    List<Double> fills = new ArrayList<>();
    byte[] body = new byte[BODY_BYTES];
    Arrays.fill(body, (byte) 'x');

    try (Connection admin = connect(factory, options.waitSeconds(), "amqp-prefetch-admin");
        Channel publisher = admin.createChannel()) {
      publisher.confirmSelect();
      System.err.printf(
          "%s: %s %s on 127.0.0.1:%d%n",
          options.broker(),
          admin.getServerProperties().get("product"),
          admin.getServerProperties().get("version"),
          options.port());
      for (int round = 1; round <= options.runs(); round++) {
        for (Scenario scenario : scenarios) {
          List<Double> seconds = drains.get(scenario);
          if (seconds.contains(Double.NaN)) {
            continue; // aborted once: a second attempt would only cost another 120 s
          }
          String queue = "bench.amqp-prefetch." + UUID.randomUUID();
          publisher.queueDeclare(queue, true, false, false, null);
          try {
            double fill = fill(publisher, queue, options.messages(), body);
            double drain = Double.NaN;
            if (Double.isNaN(fill)) {
              System.err.printf("  %s run %d: fill ABORTED after 120 s%n", scenario, round);
            } else {
              fills.add(fill);
              drain = drain(factory, queue, scenario, options);
            }
            seconds.add(drain);
            long left = publisher.queueDeclarePassive(queue).getMessageCount();
            System.err.printf(
                "  %s run %d: fill %.2f s, drain %s%s%n",
                scenario,
                round,
                fill,
                Double.isNaN(drain) ? "ABORTED after 120 s" : String.format("%.2f s", drain),
                left == 0 ? "" : ", " + left + " messages left in the queue");
          } finally {
            publisher.queueDelete(queue);
          }
        }
      }
    }
    print(options, fills, drains);
  }

  /** Publishes persistent messages, confirmed per window; returns seconds, NaN past the limit. */
  private static double fill(Channel channel, String queue, int messages, byte[] body)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    long deadline = start + SCENARIO_LIMIT.toNanos();
    for (int sent = 0; sent < messages; ) {
      int window = Math.min(CONFIRM_WINDOW, messages - sent);
      for (int i = 0; i < window; i++) {
        channel.basicPublish("", queue, MessageProperties.PERSISTENT_BASIC, body);
      }
      sent += window;
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        return Double.NaN;
      }
      try {
        channel.waitForConfirmsOrDie(TimeUnit.NANOSECONDS.toMillis(remaining) + 1);
      } catch (TimeoutException e) {
        return Double.NaN;
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Drains the queue with the scenario's consumers; returns seconds, NaN past the limit. */
  private static double drain(
      ConnectionFactory factory, String queue, Scenario scenario, Options options)
      throws Exception {
    int messages = options.messages();
    AtomicInteger handled = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    // one dispatch thread per channel, so sleeping consumers really work in parallel
    ExecutorService dispatch = Executors.newFixedThreadPool(scenario.consumers());
    Connection connection = factory.newConnection(dispatch, "amqp-prefetch-" + scenario);
    try {
      List<Channel> channels = new ArrayList<>();
      for (int i = 0; i < scenario.consumers(); i++) {
        Channel channel = connection.createChannel();
        if (!scenario.autoAck()) {
          channel.basicQos(scenario.prefetch());
        }
        channels.add(channel);
      }
      long start = System.nanoTime();
      for (Channel channel : channels) {
        channel.basicConsume(
            queue,
            scenario.autoAck(),
            new DefaultConsumer(channel) {
              @Override
              public void handleDelivery(
                  String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                try {
                  if (options.workMillis() > 0) {
                    Thread.sleep(options.workMillis());
                  }
                  if (!scenario.autoAck()) {
                    getChannel().basicAck(envelope.getDeliveryTag(), false);
                  }
                  if (handled.incrementAndGet() == messages) {
                    done.countDown();
                  }
                } catch (Exception e) {
                  failure.compareAndSet(null, e);
                  done.countDown();
                }
              }
            });
      }
      boolean finished = done.await(SCENARIO_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
      double seconds = (System.nanoTime() - start) / 1e9;
      if (failure.get() != null) {
        throw new IllegalStateException(scenario + ": a consumer failed", failure.get());
      }
      if (!finished) {
        return Double.NaN;
      }
      for (Channel channel : channels) {
        channel.close();
      }
      return seconds;
    } finally {
      connection.abort(5_000);
      dispatch.shutdownNow();
    }
  }

  private static Connection connect(ConnectionFactory factory, int waitSeconds, String name)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
    while (true) {
      try {
        return factory.newConnection(name);
      } catch (IOException | TimeoutException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "no AMQP login on 127.0.0.1:" + factory.getPort() + " within " + waitSeconds + " s",
              e);
        }
        Thread.sleep(250);
      }
    }
  }

  private static void print(
      Options options, List<Double> fills, Map<Scenario, List<Double>> drains) {
    String work = options.workMillis() > 0 ? " + " + options.workMillis() + " ms work" : "";
    System.out.printf(
        "%n%s: %d persistent messages of %d bytes per run; best and median of %d runs per"
            + " scenario, of all %d fills for publish%n",
        options.broker(), options.messages(), BODY_BYTES, options.runs(), fills.size());
    String row = "%-9s %-26s %9s %8s %8s %7s %8s %10s %12s %11s%n";
    System.out.printf(
        row,
        "broker",
        "scenario",
        "consumers",
        "prefetch",
        "messages",
        "best s",
        "median s",
        "best msg/s",
        "median msg/s",
        "vs auto-ack");
    printRow(row, options, "publish, confirms per " + CONFIRM_WINDOW, "-", "-", fills, "-");
    for (Map.Entry<Scenario, List<Double>> entry : drains.entrySet()) {
      Scenario scenario = entry.getKey();
      double autoAck = best(drains.get(new Scenario(scenario.consumers(), AUTO_ACK)));
      double best = best(entry.getValue());
      printRow(
          row,
          options,
          (scenario.autoAck() ? "auto-ack" : "manual ack") + work,
          Integer.toString(scenario.consumers()),
          scenario.autoAck() ? "-" : Integer.toString(scenario.prefetch()),
          entry.getValue(),
          Double.isNaN(best) || Double.isNaN(autoAck)
              ? "-"
              : String.format(Locale.ROOT, "%.2f", autoAck / best));
    }
  }

  private static void printRow(
      String row,
      Options options,
      String scenario,
      String consumers,
      String prefetch,
      List<Double> seconds,
      String ratio) {
    double best = best(seconds);
    double median = median(seconds);
    if (Double.isNaN(best)) {
      System.out.printf(
          row,
          options.broker(),
          scenario,
          consumers,
          prefetch,
          options.messages(),
          "ABORTED",
          "-",
          "-",
          "-",
          "-");
      return;
    }
    System.out.printf(
        Locale.ROOT,
        row,
        options.broker(),
        scenario,
        consumers,
        prefetch,
        options.messages(),
        String.format(Locale.ROOT, "%.2f", best),
        String.format(Locale.ROOT, "%.2f", median),
        Math.round(options.messages() / best),
        Math.round(options.messages() / median),
        ratio);
  }

  /** The shortest run, or NaN if there is none or any run aborted. */
  private static double best(List<Double> seconds) {
    if (seconds.isEmpty() || seconds.contains(Double.NaN)) {
      return Double.NaN;
    }
    return Collections.min(seconds);
  }

  private static double median(List<Double> seconds) {
    List<Double> sorted = new ArrayList<>(seconds);
    Collections.sort(sorted);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  /** A consumer setup; prefetch {@value #AUTO_ACK} means auto-ack without basic.qos. */
  private record Scenario(int consumers, int prefetch) {

    boolean autoAck() {
      return prefetch == AUTO_ACK;
    }

    @Override
    public String toString() {
      return (autoAck() ? "auto-ack" : "prefetch " + prefetch) + " x" + consumers;
    }
  }

  private record Options(
      String broker, int port, int messages, int runs, int workMillis, int waitSeconds) {

    static Options parse(String[] args) {
      Map<String, String> values = new LinkedHashMap<>();
      values.put("--broker", null);
      values.put("--port", null);
      values.put("--messages", "20000");
      values.put("--runs", "2");
      values.put("--work-millis", "0");
      values.put("--wait-seconds", "60");
      for (int i = 0; i < args.length; i += 2) {
        if (!values.containsKey(args[i]) || i + 1 >= args.length) {
          throw new IllegalArgumentException(
              "usage: AmqpPrefetch --broker NAME --port PORT [--messages N] [--runs N]"
                  + " [--work-millis MS] [--wait-seconds S]");
        }
        values.put(args[i], args[i + 1]);
      }
      if (values.get("--broker") == null || values.get("--port") == null) {
        throw new IllegalArgumentException("--broker and --port are required");
      }
      Options options =
          new Options(
              values.get("--broker"),
              Integer.parseInt(values.get("--port")),
              Integer.parseInt(values.get("--messages")),
              Integer.parseInt(values.get("--runs")),
              Integer.parseInt(values.get("--work-millis")),
              Integer.parseInt(values.get("--wait-seconds")));
      if (options.messages() < 1 || options.runs() < 1 || options.workMillis() < 0) {
        throw new IllegalArgumentException(
            "--messages and --runs must be >= 1, --work-millis >= 0");
      }
      return options;
    }
  }
}
