package dev.mercado.platform.inbox;

import java.time.Instant;
import java.util.List;

/**
 * Where this service parks what failed every attempt: what is parked there, and re-driving it to
 * where it came from once the cause is fixed. Re-driven events keep their id, so the inbox still
 * applies each at most once. A service may have several (the inbox's Kafka dead-letter topics, a
 * work queue's dead-letter queue); the Actuator endpoint {@code deadletters} serves them all, each
 * by the names it {@link #holds}.
 */
public interface DeadLetters {

  /** Whether {@code name} is a dead-letter topic or queue of this kind. */
  boolean holds(String name);

  /** One parked event, with the reason it was parked. */
  record DeadLetter(
      String originalTopic,
      int originalPartition,
      long originalOffset,
      String key,
      String value,
      String exception,
      String reason,
      Instant parkedAt) {}

  /** Up to {@code max} events currently on {@code deadLetterTopic} that were not re-driven yet. */
  List<DeadLetter> list(String deadLetterTopic, int max);

  /**
   * Publishes every not yet re-driven event of {@code deadLetterTopic} back to its original topic,
   * with its key and value unchanged.
   *
   * @return how many events were re-driven
   */
  int redrive(String deadLetterTopic);
}
