/**
 * The machinery of platform-resilience: the Resilience4j interval adapter, the retry wrapper that
 * charges the budget and keeps each call's backoff state, and the meters of budgets and retries.
 */
package dev.mercado.platform.resilience.internal;
