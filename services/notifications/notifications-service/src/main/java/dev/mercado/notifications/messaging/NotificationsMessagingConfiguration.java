package dev.mercado.notifications.messaging;

import dev.mercado.notifications.api.NotificationsQueues;
import dev.mercado.orders.api.OrdersTopics;
import dev.mercado.platform.inbox.KafkaTopics;
import java.util.List;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The Kafka topics notifications reads and the AMQP queues it owns, declared at start-up if
 * missing. The queues are plain and durable, without arguments, so the same declaration works on
 * RabbitMQ and on the embedded broker, which rejects RabbitMQ's queue arguments (docs/adr/0003).
 */
@Configuration(proxyBeanMethods = false)
class NotificationsMessagingConfiguration {

  @Bean
  KafkaAdmin.NewTopics notificationsTopics(KafkaTopics topics) {
    return topics.declare(
        List.of(
            OrdersTopics.ORDER_CONFIRMED,
            OrdersTopics.ORDER_CANCELLED,
            OrdersTopics.ORDER_REJECTED));
  }

  @Bean
  Queue emailTasksQueue() {
    return QueueBuilder.durable(NotificationsQueues.EMAIL_TASKS).build();
  }

  @Bean
  Queue deadEmailTasksQueue() {
    return QueueBuilder.durable(NotificationsQueues.EMAIL_TASKS_DEAD).build();
  }
}
