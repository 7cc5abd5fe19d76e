package dev.mercado.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox relay, under {@code mercado.outbox}.
 *
 * @param relayEnabled whether this instance runs a relay (default true; several may run)
 * @param pollInterval how often the relay looks for unsent events when nothing woke it (default 500
 *     ms). A commit that appends an event wakes its own instance's relay at once; the poll is the
 *     delay only for an event its own relay skipped (another instance's relay held an earlier event
 *     of its key) or could not relay (the instance died after the commit). At 100 ms it had been
 *     most of an idle service's transactions.
 * @param batchSize events published per relay transaction (default 100)
 * @param maxBackoff longest pause between attempts while Kafka is unreachable (default 1 s: events
 *     leave within a second of the broker's return, for the cost of one metadata request a second)
 * @param retention how long sent events are kept before clean-up (default 1 day)
 * @param cleanupInterval how often sent events older than the retention are deleted (default 1 min)
 * @param sendTimeout how long the relay waits for Kafka to acknowledge a batch (default 10 s)
 */
@ConfigurationProperties("mercado.outbox")
public record OutboxProperties(
    @DefaultValue("true") boolean relayEnabled,
    @DefaultValue("500ms") Duration pollInterval,
    @DefaultValue("100") int batchSize,
    @DefaultValue("1s") Duration maxBackoff,
    @DefaultValue("1d") Duration retention,
    @DefaultValue("1m") Duration cleanupInterval,
    @DefaultValue("10s") Duration sendTimeout) {

  public OutboxProperties {
    if (batchSize < 1) {
      throw new IllegalArgumentException("mercado.outbox.batch-size must be at least 1");
    }
  }
}
