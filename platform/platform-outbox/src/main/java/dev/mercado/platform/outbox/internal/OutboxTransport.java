package dev.mercado.platform.outbox.internal;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One way out of the outbox: Kafka topics for events, AMQP queues for work. The relay hands each
 * row to the transport its row names and marks it sent once the returned future completes.
 */
public interface OutboxTransport {

  /** The name stored in the row's {@code transport} column. */
  String name();

  /** Whether this service is configured for it (an AMQP transport needs a broker connection). */
  default boolean available() {
    return true;
  }

  /**
   * Starts publishing one row; the future completes when the broker has taken responsibility for it
   * (Kafka acknowledgement, AMQP publisher confirm) and fails otherwise.
   *
   * @param headers the trace context to send as message headers (may be empty)
   * @throws RuntimeException if the broker cannot even be asked (it is unreachable)
   */
  CompletableFuture<?> send(OutboxStore.Row row, Map<String, String> headers);

  /** Pushes out whatever {@link #send} buffered. */
  void flush();
}
