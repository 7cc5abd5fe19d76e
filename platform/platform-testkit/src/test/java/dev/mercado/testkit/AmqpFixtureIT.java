package dev.mercado.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The test kit's AMQP broker (embedded Qpid, or this machine's RabbitMQ with {@code
 * -Dmercado.infra=local}) confirms a persistent message and hands it out once acknowledged
 * manually.
 */
class AmqpFixtureIT {

  @Test
  void confirmsAPersistentMessageAndDeliversItWithManualAck() throws Exception {
    Infrastructure.AmqpEndpoint amqp = Infrastructure.amqp();
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(amqp.host());
    factory.setPort(amqp.port());
    factory.setUsername(amqp.username());
    factory.setPassword(amqp.password());
    String queue = "testkit.round-trip." + UUID.randomUUID();

    try (Connection connection = factory.newConnection();
        Channel channel = connection.createChannel()) {
      channel.queueDeclare(queue, true, false, false, null);
      channel.confirmSelect();
      channel.basicPublish(
          "",
          queue,
          MessageProperties.PERSISTENT_TEXT_PLAIN,
          "hello".getBytes(StandardCharsets.UTF_8));
      channel.waitForConfirmsOrDie(10_000);

      GetResponse response = channel.basicGet(queue, false);
      assertThat(response).isNotNull();
      assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).isEqualTo("hello");
      channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
      assertThat(channel.basicGet(queue, false)).isNull();
      channel.queueDelete(queue);
    }
  }
}
