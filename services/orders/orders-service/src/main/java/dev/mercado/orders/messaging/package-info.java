/** Orders' Kafka side: its topics, the catalogue replica and the saga's incoming answers. */
package dev.mercado.orders.messaging;
