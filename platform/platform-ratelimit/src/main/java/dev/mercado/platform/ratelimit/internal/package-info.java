/**
 * The machinery of platform-ratelimit: the five algorithms' arithmetic (one kernel each, in integer
 * microseconds, mirrored line by line in {@code ratelimit.lua}), the in-memory and Redis backends,
 * path matching and the health indicator.
 */
package dev.mercado.platform.ratelimit.internal;
