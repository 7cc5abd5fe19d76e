package dev.mercado.notifications.messaging;

import com.rabbitmq.client.Channel;
import dev.mercado.notifications.api.EmailTask;
import dev.mercado.notifications.api.NotificationsQueues;
import dev.mercado.notifications.application.EmailDelivery;
import dev.mercado.platform.events.CloudEvent;
import dev.mercado.platform.events.CloudEventJson;
import dev.mercado.platform.observability.Correlation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.BaggageInScope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;

/**
 * A worker of the e-mail work queue (R11): manual acknowledgement, sent only after the outcome of
 * the delivery is committed, so a worker that dies before that leaves the message to be redelivered
 * to another. At most {@code prefetch} unacknowledged tasks are in a worker's hands at once.
 */
@Component
class EmailTaskListener {

  private static final Logger log = LoggerFactory.getLogger(EmailTaskListener.class);

  private final EmailDelivery delivery;
  private final MeterRegistry meters;
  private final ObservationRegistry observations;
  private final Correlation correlation;
  private final CloudEventJson json = new CloudEventJson();

  EmailTaskListener(
      EmailDelivery delivery,
      MeterRegistry meters,
      ObservationRegistry observations,
      Correlation correlation) {
    this.delivery = delivery;
    this.meters = meters;
    this.observations = observations;
    this.correlation = correlation;
  }

  @RabbitListener(queues = NotificationsQueues.EMAIL_TASKS, ackMode = "MANUAL")
  void on(Message message, Channel channel) throws IOException, InterruptedException {
    long tag = message.getMessageProperties().getDeliveryTag();
    EmailTask task;
    try {
      CloudEvent event = json.read(new String(message.getBody(), StandardCharsets.UTF_8));
      task = json.data(event, EmailTask.class);
    } catch (RuntimeException e) {
      // no retry makes it readable: park it as it is, then let go of it
      log.error("unreadable e-mail task parked on {}: {}", NotificationsQueues.EMAIL_TASKS_DEAD, e);
      channel.basicPublish("", NotificationsQueues.EMAIL_TASKS_DEAD, true, null, message.getBody());
      EmailDelivery.parkedCounter(meters).increment();
      channel.basicAck(tag, false);
      return;
    }
    EmailDelivery.Outcome outcome;
    // the delivery's own span and timer: row lock, SMTP conversation and commit (O3)
    Observation delivering =
        Observation.createNotStarted("mercado.notifications.email.delivery", observations)
            .contextualName("deliver e-mail");
    try (BaggageInScope order = correlation.order(String.valueOf(task.orderId()))) {
      outcome = delivering.observe(() -> delivery.deliver(task.taskId()));
    } catch (RuntimeException e) {
      // the database is unreachable or similar: give the task back, after a pause so that an
      // outage does not become a hot redelivery loop
      log.warn("e-mail task {} not handled, requeued: {}", task.taskId(), e.getMessage());
      Thread.sleep(1_000);
      channel.basicNack(tag, false, true);
      return;
    }
    meters.counter("mercado.notifications.deliveries", "outcome", outcome.name()).increment();
    if (outcome == EmailDelivery.Outcome.UNKNOWN) {
      log.warn("e-mail task {} names no notification; dropped", task.taskId());
    }
    channel.basicAck(tag, false);
  }
}
