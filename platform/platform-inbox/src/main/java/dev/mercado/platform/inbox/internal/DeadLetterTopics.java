package dev.mercado.platform.inbox.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates a dead-letter topic the first time a record must go there (brokers here do not create
 * topics on demand), with the broker's default partitions and replication. Thread-safe.
 */
public final class DeadLetterTopics {

  private final Map<String, Object> adminConfig;
  private final Set<String> known = ConcurrentHashMap.newKeySet();

  public DeadLetterTopics(Map<String, Object> adminConfig) {
    this.adminConfig = adminConfig;
  }

  public void ensure(String topic) {
    if (known.contains(topic)) {
      return;
    }
    try (Admin admin = Admin.create(adminConfig)) {
      admin
          .createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty())))
          .all()
          .get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new KafkaException("could not create dead-letter topic " + topic, e.getCause());
      }
    } catch (TimeoutException e) {
      throw new KafkaException("could not create dead-letter topic " + topic + " in time", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while creating " + topic, e);
    }
    known.add(topic);
  }
}
