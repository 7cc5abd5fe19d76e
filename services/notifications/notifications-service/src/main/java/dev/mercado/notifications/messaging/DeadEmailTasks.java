package dev.mercado.notifications.messaging;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import dev.mercado.notifications.api.EmailTaskDead;
import dev.mercado.notifications.api.NotificationsQueues;
import dev.mercado.notifications.application.EmailDelivery;
import dev.mercado.platform.events.CloudEvent;
import dev.mercado.platform.events.CloudEventJson;
import dev.mercado.platform.inbox.DeadLetters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;

/**
 * The e-mail dead-letter queue behind {@code ./mercado deadletters notifications
 * notifications.email-tasks.dlq [--redrive]} (the Actuator endpoint {@code deadletters}).
 *
 * <p>Listing takes messages without acknowledging them and gives them all back at the end. A
 * re-drive queues each dead task again (database and outbox, one transaction) and only then
 * acknowledges its dead letter, so a crash in between re-drives it again, which finds the task no
 * longer dead and does nothing.
 */
@Component
class DeadEmailTasks implements DeadLetters {

  private static final int MAX = 10_000;

  private final RabbitTemplate rabbit;
  private final EmailDelivery delivery;
  private final CloudEventJson json = new CloudEventJson();

  DeadEmailTasks(RabbitTemplate rabbit, EmailDelivery delivery) {
    this.rabbit = rabbit;
    this.delivery = delivery;
  }

  @Override
  public boolean holds(String name) {
    return NotificationsQueues.EMAIL_TASKS_DEAD.equals(name);
  }

  @Override
  public List<DeadLetter> list(String queue, int max) {
    return rabbit.execute(
        channel -> {
          List<DeadLetter> letters = new ArrayList<>();
          long last = -1;
          try {
            GetResponse response;
            while (letters.size() < Math.min(max, MAX)
                && (response = channel.basicGet(queue, false)) != null) {
              last = response.getEnvelope().getDeliveryTag();
              letters.add(letter(response));
            }
          } finally {
            giveBack(channel, last);
          }
          return letters;
        });
  }

  @Override
  public int redrive(String queue) {
    return rabbit.execute(
        channel -> {
          int redriven = 0;
          long lastKept = -1;
          GetResponse response;
          for (int i = 0; i < MAX && (response = channel.basicGet(queue, false)) != null; i++) {
            long tag = response.getEnvelope().getDeliveryTag();
            EmailTaskDead dead = deadTask(response);
            if (dead == null) {
              // not ours to re-drive (unreadable): it stays parked
              lastKept = tag;
              continue;
            }
            if (delivery.redrive(dead.taskId())) {
              redriven++;
            }
            channel.basicAck(tag, false);
          }
          giveBack(channel, lastKept);
          return redriven;
        });
  }

  /** Returns every message up to {@code tag} not acknowledged on this channel to the queue. */
  private static void giveBack(Channel channel, long tag) throws IOException {
    if (tag >= 0) {
      channel.basicNack(tag, true, true);
    }
  }

  private EmailTaskDead deadTask(GetResponse response) {
    try {
      return json.data(json.read(body(response)), EmailTaskDead.class);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private DeadLetter letter(GetResponse response) {
    String body = body(response);
    EmailTaskDead dead = deadTask(response);
    Instant parkedAt = null;
    try {
      CloudEvent event = json.read(body);
      parkedAt = event.time().toInstant();
    } catch (RuntimeException e) {
      // an unreadable letter is listed with its raw body
    }
    return new DeadLetter(
        NotificationsQueues.EMAIL_TASKS,
        -1,
        -1,
        dead == null ? null : dead.taskId().toString(),
        body,
        null,
        dead == null ? "unreadable task" : dead.reason(),
        parkedAt);
  }

  private static String body(GetResponse response) {
    return new String(response.getBody(), StandardCharsets.UTF_8);
  }
}
