package dev.mercado.payments.messaging;

import dev.mercado.orders.api.OrdersTopics;
import dev.mercado.payments.api.PaymentsTopics;
import dev.mercado.platform.inbox.KafkaTopics;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics payments publishes to and reads from, created at start-up if missing. */
@Configuration(proxyBeanMethods = false)
class PaymentsTopicsConfiguration {

  @Bean
  KafkaAdmin.NewTopics paymentsTopics(KafkaTopics topics) {
    return topics.declare(
        List.of(
            PaymentsTopics.PAYMENT_AUTHORIZED,
            PaymentsTopics.PAYMENT_DECLINED,
            PaymentsTopics.PAYMENT_REFUNDED,
            OrdersTopics.AUTHORIZE_PAYMENT,
            OrdersTopics.REFUND_PAYMENT,
            OrdersTopics.ORDER_CONFIRMED));
  }
}
