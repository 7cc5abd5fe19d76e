package dev.mercado.platform.inbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the topics a service declares ({@link KafkaTopics}) are created, under {@code mercado.kafka}.
 *
 * @param partitions partitions per topic (default 4): the most consumers of one group that share a
 *     topic's work, so as many as the launcher runs instances of a service at most ({@code --scale
 *     NAME=4}); one key's events always share one partition, so their order holds
 * @param replicationFactor copies of each partition (default 1, a single broker; 3 on a cluster,
 *     {@code ./mercado up --kafka-brokers 3})
 * @param minInsyncReplicas copies that must have a record before an {@code acks=all} producer is
 *     told it is written (default 1; 2 with three replicas, so one broker may fail without losing
 *     an acknowledged record and without stopping writes, R9)
 */
@ConfigurationProperties("mercado.kafka")
public record KafkaTopicsProperties(
    @DefaultValue("4") int partitions,
    @DefaultValue("1") short replicationFactor,
    @DefaultValue("1") int minInsyncReplicas) {}
