package dev.mercado.platform.inbox;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A minimal consuming service: one listener that applies each event through the inbox. */
@SpringBootApplication
class InboxTestApplication {

  static final String TOPIC = "inbox-it.events";

  @Component
  static class Listener {

    final Set<String> failingSubjects = ConcurrentHashMap.newKeySet();
    final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private final Inbox inbox;
    private final JdbcClient jdbc;

    Listener(Inbox inbox, JdbcClient jdbc) {
      this.inbox = inbox;
      this.jdbc = jdbc;
    }

    @KafkaListener(topics = TOPIC, groupId = "inbox-it")
    void on(ConsumerRecord<String, String> record) {
      inbox.receive(
          "inbox-it",
          record,
          event -> {
            attempts.merge(event.subject(), 1, Integer::sum);
            if (failingSubjects.contains(event.subject())) {
              throw new IllegalStateException("the effect failed for " + event.subject());
            }
            jdbc.sql("INSERT INTO effect (event_id, subject) VALUES (?, ?)")
                .params(event.id(), event.subject())
                .update();
          });
    }
  }
}
