/**
 * Fault injection inside the services (F8, R6): Chaos Monkey for Spring Boot, inert unless the
 * service runs with the {@code chaos-monkey} profile ({@link
 * dev.mercado.platform.chaos.ChaosDefaults}), every assault bounded in time and switched from this
 * machine only ({@link dev.mercado.platform.chaos.ChaosAutoConfiguration}); see
 * docs/patterns/chaos.md.
 */
package dev.mercado.platform.chaos;
