/**
 * The {@code ./mercado} command: starts infrastructure and services as separate OS processes in the
 * order {@link dev.mercado.launcher.Topology} reads, gates each on readiness and stops them in
 * reverse order. See {@code docs/adr/0002-launcher.md}.
 */
package dev.mercado.launcher;
