/**
 * Problem details (RFC 9457) for every error of a Spring MVC service, naming each field in error
 * when the request is invalid; on the classpath it configures itself ({@link
 * dev.mercado.platform.errors.ProblemDetailsAutoConfiguration}). Services throw {@link
 * dev.mercado.platform.errors.InvalidFieldException} for a field bean validation cannot judge.
 */
package dev.mercado.platform.errors;
