/** The inbox's machinery: its table, dead-letter topics and their Actuator endpoint. */
package dev.mercado.platform.inbox.internal;
