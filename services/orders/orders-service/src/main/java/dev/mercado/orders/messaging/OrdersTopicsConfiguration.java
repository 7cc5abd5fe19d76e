package dev.mercado.orders.messaging;

import dev.mercado.catalog.api.CatalogTopics;
import dev.mercado.orders.api.OrdersTopics;
import dev.mercado.payments.api.PaymentsTopics;
import dev.mercado.platform.inbox.KafkaTopics;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics orders publishes to and reads from, created at start-up if missing (the brokers do not
 * create topics on demand; {@link KafkaTopics}), so listeners never wait for a producer to come up
 * first.
 */
@Configuration(proxyBeanMethods = false)
class OrdersTopicsConfiguration {

  static final List<String> PUBLISHED =
      List.of(
          OrdersTopics.ORDER_PLACED,
          OrdersTopics.ORDER_STATUS_CHANGED,
          OrdersTopics.RESERVE_STOCK,
          OrdersTopics.AUTHORIZE_PAYMENT,
          OrdersTopics.RELEASE_STOCK,
          OrdersTopics.REFUND_PAYMENT,
          OrdersTopics.ORDER_CONFIRMED,
          OrdersTopics.ORDER_CANCELLED,
          OrdersTopics.ORDER_REJECTED);

  static final List<String> CONSUMED =
      List.of(
          CatalogTopics.PRODUCT_CHANGED,
          CatalogTopics.STOCK_RESERVED,
          CatalogTopics.STOCK_REJECTED,
          CatalogTopics.STOCK_RELEASED,
          PaymentsTopics.PAYMENT_AUTHORIZED,
          PaymentsTopics.PAYMENT_DECLINED);

  @Bean
  KafkaAdmin.NewTopics ordersTopics(KafkaTopics topics) {
    return topics.declare(Stream.concat(PUBLISHED.stream(), CONSUMED.stream()).toList());
  }
}
