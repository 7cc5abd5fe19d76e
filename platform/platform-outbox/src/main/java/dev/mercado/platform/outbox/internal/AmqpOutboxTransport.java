package dev.mercado.platform.outbox.internal;

import dev.mercado.platform.events.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Publishes work items to AMQP queues: persistent messages through the default exchange (routing
 * key = queue name), mandatory, with publisher confirms. A row counts as sent only when the broker
 * confirmed it and did not return it as unroutable (a queue that does not exist).
 */
public final class AmqpOutboxTransport implements OutboxTransport {

  public static final String NAME = "amqp";

  private final RabbitTemplate rabbit;

  /**
   * @param rabbit a template on a connection factory with correlated publisher confirms and
   *     returns, and {@code mandatory} set; null when the service has no AMQP broker
   */
  public AmqpOutboxTransport(RabbitTemplate rabbit) {
    this.rabbit = rabbit;
  }

  @Override
  public boolean available() {
    return rabbit != null;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompletableFuture<?> send(OutboxStore.Row row, Map<String, String> headers) {
    if (rabbit == null) {
      throw new IllegalStateException("no AMQP connection factory for outbox row " + row.id());
    }
    MessageProperties properties = new MessageProperties();
    properties.setMessageId(row.id().toString());
    properties.setContentType(CloudEvent.CONTENT_TYPE);
    properties.setContentEncoding(StandardCharsets.UTF_8.name());
    properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
    properties.setHeader("subject", row.key());
    headers.forEach(properties::setHeader);
    CorrelationData correlation = new CorrelationData(row.id().toString());
    rabbit.send(
        "",
        row.topic(),
        new Message(row.payload().getBytes(StandardCharsets.UTF_8), properties),
        correlation);
    return correlation
        .getFuture()
        .thenApply(
            confirm -> {
              if (!confirm.ack()) {
                throw new AmqpException("broker refused message: " + confirm.reason());
              }
              if (correlation.getReturned() != null) {
                throw new AmqpException(
                    "no queue "
                        + row.topic()
                        + " ("
                        + correlation.getReturned().getReplyText()
                        + ")");
              }
              return confirm;
            });
  }

  @Override
  public void flush() {
    // every send is written to the channel at once; confirms arrive asynchronously
  }
}
