/**
 * Problem details (RFC 9457) for every error of a Spring MVC service; on the classpath it
 * configures itself ({@link dev.mercado.platform.errors.ProblemDetailsAutoConfiguration}).
 */
package dev.mercado.platform.errors;
