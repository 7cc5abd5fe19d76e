package dev.mercado.platform.outbox;

import dev.mercado.platform.events.CloudEvent;

/**
 * The transactional outbox: the only way a Mercado service publishes a business event.
 *
 * <p>Guarantees: the event is stored in the service's own database in the caller's transaction, so
 * it exists if and only if the business change committed (no event for a rolled-back change, no
 * change without its event). After commit the relay publishes it to Kafka with {@code acks=all} and
 * the idempotent producer, keyed by {@code subject} so one aggregate's events keep their order.
 * Delivery is at least once: a relay that dies between publishing and marking a row sent publishes
 * it again on the next run, so consumers deduplicate on the event id (platform inbox). While Kafka
 * is down, events wait in the table; the service keeps accepting work.
 *
 * <p>Thread-safe.
 */
public interface Outbox {

  /**
   * Appends an event to the outbox in the current transaction.
   *
   * @param topic the Kafka topic, declared by the producer's {@code -api} module
   * @param type the CloudEvents type, e.g. {@code catalog.product-changed}
   * @param subject the aggregate id: CloudEvents subject and Kafka message key
   * @param payload the event's data, a record serialised as JSON
   * @return the event as it will be published (its id is what consumers deduplicate on)
   * @throws org.springframework.transaction.IllegalTransactionStateException if no transaction is
   *     active: an event outside a transaction could outlive a rolled-back change
   */
  CloudEvent append(String topic, String type, String subject, Object payload);
}
