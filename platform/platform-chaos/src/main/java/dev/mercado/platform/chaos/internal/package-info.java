/**
 * Machinery of platform-chaos: the deadline that switches assaults off, its Actuator endpoint and
 * the loopback-only filter in front of the chaos endpoints.
 */
package dev.mercado.platform.chaos.internal;
