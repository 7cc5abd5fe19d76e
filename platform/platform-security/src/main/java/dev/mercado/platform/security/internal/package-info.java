/**
 * The machinery of platform-security: the bounded JWKS decoder, the problem-details answers for 401
 * and 403 (from the filter chain and from controllers alike), and the {@code Caller} argument.
 */
package dev.mercado.platform.security.internal;
