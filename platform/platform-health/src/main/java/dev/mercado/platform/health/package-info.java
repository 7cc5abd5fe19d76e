/**
 * Health checks in two modes (R1, R2): passive, run when a probe asks, or active, run in the
 * background and served from a cache. Configures itself when on the classpath ({@link
 * dev.mercado.platform.health.HealthAutoConfiguration}); see docs/patterns/health.md.
 */
package dev.mercado.platform.health;
