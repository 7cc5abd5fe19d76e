package dev.mercado.catalog.messaging;

import dev.mercado.catalog.api.CatalogTopics;
import dev.mercado.orders.api.OrdersTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Every topic catalog produces to or consumes from. Boot's {@code KafkaAdmin} creates the missing
 * ones when the service starts, before any listener subscribes: the brokers do not create topics on
 * demand. Orders declares its own topics too; creating an existing topic changes nothing.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaTopicProperties.class)
class KafkaTopicsConfiguration {

  private final KafkaTopicProperties properties;

  KafkaTopicsConfiguration(KafkaTopicProperties properties) {
    this.properties = properties;
  }

  @Bean
  NewTopic productChangedTopic() {
    return topic(CatalogTopics.PRODUCT_CHANGED);
  }

  @Bean
  NewTopic productViewedTopic() {
    return topic(CatalogTopics.PRODUCT_VIEWED);
  }

  @Bean
  NewTopic productSearchedTopic() {
    return topic(CatalogTopics.PRODUCT_SEARCHED);
  }

  @Bean
  NewTopic stockReservedTopic() {
    return topic(CatalogTopics.STOCK_RESERVED);
  }

  @Bean
  NewTopic stockRejectedTopic() {
    return topic(CatalogTopics.STOCK_REJECTED);
  }

  @Bean
  NewTopic stockReleasedTopic() {
    return topic(CatalogTopics.STOCK_RELEASED);
  }

  @Bean
  NewTopic reserveStockTopic() {
    return topic(OrdersTopics.RESERVE_STOCK);
  }

  @Bean
  NewTopic releaseStockTopic() {
    return topic(OrdersTopics.RELEASE_STOCK);
  }

  @Bean
  NewTopic orderConfirmedTopic() {
    return topic(OrdersTopics.ORDER_CONFIRMED);
  }

  private NewTopic topic(String name) {
    return TopicBuilder.name(name)
        .partitions(properties.partitions())
        .replicas(properties.replicationFactor())
        .build();
  }
}
