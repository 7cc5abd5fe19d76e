package dev.mercado.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class KafkaTopicsTest {

  @Test
  void declaresEachTopicOnceWithThePartitionsReplicasAndMinimumInSyncReplicasConfigured() {
    KafkaTopics topics = new KafkaTopics(new KafkaTopicsProperties(4, (short) 3, 2));

    List<NewTopic> declared =
        topics.topics(List.of("orders.order-placed", "a.b", "orders.order-placed"));

    assertThat(declared).extracting(NewTopic::name).containsExactly("orders.order-placed", "a.b");
    assertThat(declared)
        .allSatisfy(
            topic -> {
              assertThat(topic.numPartitions()).isEqualTo(4);
              assertThat(topic.replicationFactor()).isEqualTo((short) 3);
              assertThat(topic.configs()).containsEntry("min.insync.replicas", "2");
            });
  }
}
