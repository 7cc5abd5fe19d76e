/**
 * RFC 9457 problem details as {@code application/problem+json}, written one way for every Mercado
 * process: {@link dev.mercado.platform.problems.ProblemJson} renders Spring's {@code ProblemDetail}
 * (servlet services, the reactive gateway, identity), {@link
 * dev.mercado.platform.problems.AccessProblems} answers a servlet security chain's 401 and 403.
 */
package dev.mercado.platform.problems;
