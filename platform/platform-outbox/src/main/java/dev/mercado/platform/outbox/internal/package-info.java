/** The outbox's machinery: its table, the relay and its metrics. Not for use by services. */
package dev.mercado.platform.outbox.internal;
