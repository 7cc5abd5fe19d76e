/**
 * Named resilience policies per downstream (F8, R8, R12): backoff strategies, a retry budget per
 * downstream, and Resilience4j retries built from {@code mercado.resilience.downstreams.*}.
 * Configures itself when on the classpath ({@link
 * dev.mercado.platform.resilience.ResilienceAutoConfiguration}); see docs/patterns/retries.md.
 */
package dev.mercado.platform.resilience;
