package dev.mercado.payments.messaging;

import dev.mercado.orders.api.OrdersTopics;
import dev.mercado.payments.api.PaymentsTopics;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics payments publishes to and reads from, created at start-up if missing. */
@Configuration(proxyBeanMethods = false)
class PaymentsTopicsConfiguration {

  @Bean
  KafkaAdmin.NewTopics paymentsTopics(
      @Value("${mercado.kafka.partitions:3}") int partitions,
      @Value("${mercado.kafka.replication-factor:1}") short replicas) {
    return new KafkaAdmin.NewTopics(
        Stream.of(
                PaymentsTopics.PAYMENT_AUTHORIZED,
                PaymentsTopics.PAYMENT_DECLINED,
                PaymentsTopics.PAYMENT_REFUNDED,
                OrdersTopics.AUTHORIZE_PAYMENT,
                OrdersTopics.REFUND_PAYMENT,
                OrdersTopics.ORDER_CONFIRMED)
            .map(name -> TopicBuilder.name(name).partitions(partitions).replicas(replicas).build())
            .toArray(NewTopic[]::new));
  }
}
