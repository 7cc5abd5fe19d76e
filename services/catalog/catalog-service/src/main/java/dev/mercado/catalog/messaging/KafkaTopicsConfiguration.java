package dev.mercado.catalog.messaging;

import dev.mercado.catalog.api.CatalogTopics;
import dev.mercado.orders.api.OrdersTopics;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

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
  KafkaAdmin.NewTopics catalogTopics() {
    return new KafkaAdmin.NewTopics(
        Stream.of(
                CatalogTopics.PRODUCT_CHANGED,
                CatalogTopics.PRODUCT_VIEWED,
                CatalogTopics.PRODUCT_SEARCHED,
                CatalogTopics.STOCK_RESERVED,
                CatalogTopics.STOCK_REJECTED,
                CatalogTopics.STOCK_RELEASED,
                OrdersTopics.RESERVE_STOCK,
                OrdersTopics.RELEASE_STOCK,
                OrdersTopics.ORDER_CONFIRMED)
            .map(this::topic)
            .toArray(NewTopic[]::new));
  }

  private NewTopic topic(String name) {
    return TopicBuilder.name(name)
        .partitions(properties.partitions())
        .replicas(properties.replicationFactor())
        .build();
  }
}
