package dev.mercado.catalog.messaging;

import dev.mercado.catalog.api.CatalogTopics;
import dev.mercado.orders.api.OrdersTopics;
import dev.mercado.platform.inbox.KafkaTopics;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Every topic catalog produces to or consumes from, created at start-up if missing ({@link
 * KafkaTopics}: {@code mercado.kafka.*}).
 */
@Configuration(proxyBeanMethods = false)
class CatalogTopicsConfiguration {

  @Bean
  KafkaAdmin.NewTopics catalogTopics(KafkaTopics topics) {
    return topics.declare(
        List.of(
            CatalogTopics.PRODUCT_CHANGED,
            CatalogTopics.PRODUCT_VIEWED,
            CatalogTopics.PRODUCT_SEARCHED,
            CatalogTopics.STOCK_RESERVED,
            CatalogTopics.STOCK_REJECTED,
            CatalogTopics.STOCK_RELEASED,
            OrdersTopics.RESERVE_STOCK,
            OrdersTopics.RELEASE_STOCK,
            OrdersTopics.ORDER_CONFIRMED));
  }
}
