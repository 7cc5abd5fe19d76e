package dev.mercado.platform.outbox;

import dev.mercado.platform.events.CloudEvent;

/**
 * The transactional outbox: the only way a Mercado service publishes a business event or queues
 * work for another process.
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

  /**
   * Appends a work item for an AMQP work queue in the current transaction: the relay publishes it
   * after commit as a persistent message with publisher confirms, through the default exchange to
   * {@code queue}, with the CloudEvent id as AMQP {@code message-id}. Like events, work items are
   * delivered at least once; the worker deduplicates on the id.
   *
   * @param queue the durable queue, declared by the producer's {@code -api} module and existing on
   *     the broker (an unroutable item stays unsent and is retried)
   * @param type the CloudEvents type, e.g. {@code notifications.email-task}
   * @param subject the aggregate id the item is about
   * @param payload the item's data, a record serialised as JSON
   * @return the item as it will be published
   * @throws org.springframework.transaction.IllegalTransactionStateException if no transaction is
   *     active
   * @throws IllegalStateException if the service has no AMQP connection (no Spring AMQP)
   */
  CloudEvent enqueue(String queue, String type, String subject, Object payload);
}
