/**
 * Traces, metrics and correlated logs for every service (O1–O4), configured by being on the
 * classpath: defaults in {@link dev.mercado.platform.observability.ObservabilityDefaults}, the
 * correlation fields in {@link dev.mercado.platform.observability.Correlation}; see
 * docs/observability.md.
 */
package dev.mercado.platform.observability;
