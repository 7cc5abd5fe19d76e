/**
 * Transactional outbox (R10, R7): {@link dev.mercado.platform.outbox.Outbox#append} writes an event
 * in the caller's database transaction; a relay publishes it to Kafka after commit. Configures
 * itself when on the classpath ({@link dev.mercado.platform.outbox.OutboxAutoConfiguration}); see
 * docs/patterns/outbox.md.
 */
package dev.mercado.platform.outbox;
