/**
 * Rate limiting (R3, enforced at the gateway, R5): five algorithms behind one {@link
 * dev.mercado.platform.ratelimit.RateLimiter}, several limits per request checked and committed
 * atomically ({@link dev.mercado.platform.ratelimit.Policy}), tiered policies from configuration
 * ({@link dev.mercado.platform.ratelimit.RateLimits}) and the IETF RateLimit header fields.
 * Configures itself when on the classpath ({@link
 * dev.mercado.platform.ratelimit.RateLimitAutoConfiguration}); see docs/patterns/rate-limiting.md.
 */
package dev.mercado.platform.ratelimit;
