/**
 * The machinery of platform-resilience: the Resilience4j interval adapter, the retry wrapper that
 * charges the budget and keeps each call's backoff state, and the budget's meters.
 */
package dev.mercado.platform.resilience.internal;
