/**
 * How the gateway picks an instance of a service (R1): instances from configuration, active
 * readiness probes of each, and ejection of instances that keep failing (outlier detection); and
 * the calls its own pages make through that same load balancing.
 */
package dev.mercado.gateway.client;
