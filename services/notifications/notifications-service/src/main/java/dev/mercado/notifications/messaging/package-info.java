/**
 * Notifications' messaging side: order events from Kafka, the e-mail work queue and its dead-letter
 * queue on AMQP.
 */
package dev.mercado.notifications.messaging;
