/**
 * Idempotent consumers (R12): {@link dev.mercado.platform.inbox.Inbox} runs an event's effect once
 * per consumer, whatever Kafka redelivers; failing events are retried with backoff, then parked on
 * a dead-letter topic ({@link dev.mercado.platform.inbox.DeadLetters}). See docs/patterns/inbox.md.
 */
package dev.mercado.platform.inbox;
