package dev.mercado.catalog.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the topics catalog declares are created, under {@code mercado.kafka}.
 *
 * @param partitions partitions per topic (default 3); one key's events always share one
 * @param replicationFactor copies of each partition (default 1, a single local broker)
 */
@ConfigurationProperties("mercado.kafka")
record KafkaTopicProperties(
    @DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor) {}
