/** Payments' Kafka side: its topics and the saga's commands it consumes. */
package dev.mercado.payments.messaging;
