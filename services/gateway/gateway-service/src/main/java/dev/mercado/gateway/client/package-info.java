/**
 * How the gateway picks an instance of a service (R1): instances from configuration, active
 * readiness probes of each, and ejection of instances that keep failing (outlier detection).
 */
package dev.mercado.gateway.client;
