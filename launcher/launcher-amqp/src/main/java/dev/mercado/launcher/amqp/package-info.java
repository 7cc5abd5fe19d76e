/**
 * Runs the AMQP 0-9-1 message broker (Apache Qpid Broker-J with a Berkeley DB JE store) as its own
 * process, started by the launcher and the integration tests in place of RabbitMQ on a bare
 * machine.
 */
package dev.mercado.launcher.amqp;
