/**
 * The CloudEvents 1.0 envelope (structured JSON mode) of every event Mercado publishes: {@link
 * dev.mercado.platform.events.CloudEvent} and its JSON form ({@link
 * dev.mercado.platform.events.CloudEventJson}). See docs/patterns.md (F4, R12).
 */
package dev.mercado.platform.events;
