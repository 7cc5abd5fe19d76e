/**
 * Catalog on Kafka: the saga commands it consumes from orders (through the inbox), the topics it
 * declares, and the product-view telemetry stream. Business events leave through the outbox from
 * the application layer, never from here.
 */
package dev.mercado.catalog.messaging;
