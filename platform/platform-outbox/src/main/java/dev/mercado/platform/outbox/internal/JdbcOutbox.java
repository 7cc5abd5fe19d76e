package dev.mercado.platform.outbox.internal;

import dev.mercado.platform.events.CloudEvent;
import dev.mercado.platform.events.CloudEventJson;
import dev.mercado.platform.outbox.Outbox;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
    pending()
        .add(
            new OutboxStore.NewRow(
                UUID.fromString(event.id()),
                transport,
                destination,
                subject,
                json.write(event),
                tracing.capture()));
    return event;
  }

  /** The current transaction's appends of this outbox, registered with it on the first one. */
  private Appends pending() {
    for (TransactionSynchronization registered :
        TransactionSynchronizationManager.getSynchronizations()) {
      if (registered instanceof Appends appends && appends.outbox() == this) {
        return appends;
      }
    }
    Appends appends = new Appends(this);
    TransactionSynchronizationManager.registerSynchronization(appends);
    return appends;
  }

  /**
   * One transaction's events, stored in one multi-row INSERT just before it commits rather than one
   * statement each (docs/performance.md: a saga step of orders appends two or three), and the relay
   * woken once after the commit. An insert that fails in {@code beforeCommit} rolls the transaction
   * back with it, so the guarantee stands: the events exist if and only if the change committed. An
   * append made after the flush (by another synchronization's {@code beforeCommit}) is inserted at
   * once, still inside the transaction. Held by the transaction's synchronizations, which Spring
   * suspends and resumes with it, so a nested {@code REQUIRES_NEW} transaction has its own.
   */
  private static final class Appends implements TransactionSynchronization {

    private final JdbcOutbox outbox;
    private final List<OutboxStore.NewRow> rows = new ArrayList<>();
    private boolean flushed;

    Appends(JdbcOutbox outbox) {
      this.outbox = outbox;
    }

    JdbcOutbox outbox() {
      return outbox;
    }

    void add(OutboxStore.NewRow row) {
      rows.add(row);
      if (flushed) {
        beforeCommit(false);
      }
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      outbox.store.insert(rows);
      rows.clear();
      flushed = true;
    }

    @Override
    public void afterCommit() {
      outbox.relay.wakeUp();
    }
  }
}
