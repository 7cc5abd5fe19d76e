package dev.mercado.launcher;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * Readiness probes over the network, the same for start-up gating and for {@code ./mercado status}:
 * an HTTP URL is ready when it answers 200, a {@code tcp://} address when it accepts a connection,
 * a {@code kafka://} address when the broker answers a metadata request. Every probe is bounded by
 * {@link #TIMEOUT}.
 */
final class Probe {

  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();

  private Probe() {}

  /** The outcome of one probe: ready or not, with a short human-readable detail. */
  record Result(boolean ready, String detail) {}

  /**
   * A Kafka broker is ready when it answers a metadata request with at least one node. The detail
   * says how many brokers the cluster has and how many of the topics' partitions this one leads, so
   * {@code ./mercado status} shows leadership moving when a broker stops and returns.
   */
  private static Result kafka(String bootstrapServers) throws InterruptedException {
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
    config.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, 1000L);
    try (Admin admin = Admin.create(config)) {
      Collection<Node> nodes =
          admin.describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (nodes.isEmpty()) {
        return new Result(false, "no broker");
      }
      return new Result(
          true, nodes.size() + " broker(s)" + leadership(admin, nodes, bootstrapServers));
    } catch (ExecutionException | TimeoutException | KafkaException e) {
      return new Result(false, "unreachable");
    }
  }

  /** ", leads L of P partitions" for the broker at {@code address}, or nothing if unknown. */
  private static String leadership(Admin admin, Collection<Node> nodes, String address)
      throws InterruptedException, ExecutionException, TimeoutException {
    Node self =
        nodes.stream()
            .filter(node -> (node.host() + ":" + node.port()).equals(address))
            .findFirst()
            .orElse(null);
    if (self == null) {
      return "";
    }
    Set<String> topics = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    if (topics.isEmpty()) {
      return ", no topic yet";
    }
    List<TopicPartitionInfo> partitions =
        admin
            .describeTopics(topics)
            .allTopicNames()
            .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .values()
            .stream()
            .flatMap(topic -> topic.partitions().stream())
            .toList();
    long led =
        partitions.stream()
            .filter(partition -> partition.leader() != null && partition.leader().id() == self.id())
            .count();
    return ", node " + self.id() + " leads " + led + " of " + partitions.size() + " partitions";
  }

  /**
   * An AMQP broker is ready when a client can log in and open the default virtual host: Qpid
   * accepts TCP connections before its virtual host is active.
   */
  private static Result amqp(URI uri) {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(uri.getHost());
    factory.setPort(uri.getPort());
    factory.setConnectionTimeout((int) TIMEOUT.toMillis());
    factory.setHandshakeTimeout((int) TIMEOUT.toMillis());
    factory.setAutomaticRecoveryEnabled(false);
    try (Connection connection = factory.newConnection("mercado-probe")) {
      return new Result(connection.isOpen(), "virtual host open");
    } catch (IOException | TimeoutException e) {
      return new Result(false, "unreachable");
    }
  }

  static Result check(String probe) {
    URI uri = URI.create(probe);
    try {
      if ("kafka".equals(uri.getScheme())) {
        return kafka(uri.getHost() + ":" + uri.getPort());
      }
      if ("amqp".equals(uri.getScheme())) {
        return amqp(uri);
      }
      if ("tcp".equals(uri.getScheme())) {
        try (Socket socket = new Socket()) {
          socket.connect(
              new InetSocketAddress(uri.getHost(), uri.getPort()), (int) TIMEOUT.toMillis());
          return new Result(true, "accepting connections");
        }
      }
      HttpResponse<Void> response =
          HTTP.send(
              HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      return new Result(
          response.statusCode() == 200,
          response.statusCode() == 200 ? "UP" : "HTTP " + response.statusCode());
    } catch (IOException e) {
      return new Result(false, "unreachable");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(false, "interrupted");
    }
  }
}
