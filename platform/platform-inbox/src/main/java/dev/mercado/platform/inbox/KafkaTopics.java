package dev.mercado.platform.inbox;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The one way a service declares the topics it produces to and consumes from: with the partitions,
 * replicas and minimum in-sync replicas of {@link KafkaTopicsProperties}. Boot's {@code KafkaAdmin}
 * creates the missing ones when the service starts, before any listener subscribes (the brokers do
 * not create topics on demand); declaring a topic another service declared too changes nothing, and
 * a declaration with more partitions than the topic has adds partitions.
 *
 * <pre>{@code
 * @Bean
 * KafkaAdmin.NewTopics ordersTopics(KafkaTopics topics) {
 *   return topics.declare(List.of(OrdersTopics.ORDER_PLACED, CatalogTopics.STOCK_RESERVED));
 * }
 * }</pre>
 */
public final class KafkaTopics {

  private final KafkaTopicsProperties properties;

  public KafkaTopics(KafkaTopicsProperties properties) {
    this.properties = properties;
  }

  /** The topics named, each once, as Boot's {@code KafkaAdmin} creates them. */
  public KafkaAdmin.NewTopics declare(Collection<String> names) {
    return new KafkaAdmin.NewTopics(topics(names).toArray(NewTopic[]::new));
  }

  /** The topics named, each once, with their partitions, replicas and configuration. */
  public List<NewTopic> topics(Collection<String> names) {
    return new LinkedHashSet<>(names).stream().map(this::topic).toList();
  }

  private NewTopic topic(String name) {
    return TopicBuilder.name(name)
        .partitions(properties.partitions())
        .replicas(properties.replicationFactor())
        .config(
            TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
            Integer.toString(properties.minInsyncReplicas()))
        .build();
  }
}
