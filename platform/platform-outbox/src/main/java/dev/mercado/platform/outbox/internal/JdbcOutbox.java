package dev.mercado.platform.outbox.internal;

import dev.mercado.platform.events.CloudEvent;
import dev.mercado.platform.events.CloudEventJson;
import dev.mercado.platform.outbox.Outbox;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stores events in {@code outbox_message} within the caller's transaction and wakes the local relay
 * once that transaction commits, so an event usually leaves within milliseconds rather than at the
 * next poll.
 */
public final class JdbcOutbox implements Outbox {

  private final OutboxStore store;
  private final OutboxRelay relay;
  private final CloudEventJson json;
  private final String source;
  private final Clock clock;
  private final Set<String> transports;
  private final OutboxTracing tracing;

  /**
   * @param transports the names of the transports the relay has
   * @param tracing stores the appending transaction's trace context with each event
   */
  public JdbcOutbox(
      OutboxStore store,
      OutboxRelay relay,
      CloudEventJson json,
      String source,
      Clock clock,
      Set<String> transports,
      OutboxTracing tracing) {
    this.store = store;
    this.relay = relay;
    this.json = json;
    this.source = source;
    this.clock = clock;
    this.transports = Set.copyOf(transports);
    this.tracing = tracing;
  }

  @Override
  public CloudEvent append(String topic, String type, String subject, Object payload) {
    return store(KafkaOutboxTransport.NAME, topic, type, subject, payload);
  }

  @Override
  public CloudEvent enqueue(String queue, String type, String subject, Object payload) {
    return store(AmqpOutboxTransport.NAME, queue, type, subject, payload);
  }

  private CloudEvent store(
      String transport, String destination, String type, String subject, Object payload) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalTransactionStateException(
          "the outbox needs the transaction of the business change it reports");
    }
    if (!transports.contains(transport)) {
      throw new IllegalStateException(
          "this service has no " + transport + " outbox transport; it has " + transports);
    }
    CloudEvent event = CloudEvent.create(source, type, subject, json.data(payload), clock);
    store.insert(
        UUID.fromString(event.id()),
        transport,
        destination,
        subject,
        json.write(event),
        tracing.capture());
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            relay.wakeUp();
          }
        });
    return event;
  }
}
