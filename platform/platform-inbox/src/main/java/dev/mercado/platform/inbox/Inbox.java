package dev.mercado.platform.inbox;

import dev.mercado.platform.events.CloudEvent;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The idempotent-consumer side of Mercado's events: records each event id in the consumer's own
 * database in the same transaction as the event's effect.
 *
 * <p>Guarantees: for one {@code consumer} name, the effect of an event id commits at most once,
 * even when Kafka delivers the event again (redelivery after a crash, a re-driven dead letter, the
 * outbox publishing twice) or two instances receive it at once (the second waits on the first's
 * row, then skips). If the effect throws, nothing is recorded and the exception propagates, so the
 * listener's error handler retries it and finally dead-letters it. Thread-safe.
 */
public interface Inbox {

  /**
   * Runs {@code effect} in a transaction unless {@code consumer} already processed {@code event}.
   *
   * @return true if the effect ran, false for a duplicate
   */
  boolean receive(String consumer, CloudEvent event, Consumer<CloudEvent> effect);

  /**
   * Reads the record as a CloudEvent, then {@link #receive(String, CloudEvent, Consumer)}.
   *
   * @throws dev.mercado.platform.events.InvalidCloudEventException if the record is not a
   *     CloudEvent; it goes to the dead-letter topic without retries
   */
  boolean receive(
      String consumer, ConsumerRecord<String, String> record, Consumer<CloudEvent> effect);
}
