/**
 * What every simulator under {@code simulators/} shares, once: a JSON endpoint on the JDK's HTTP
 * server that answers errors as RFC 9457 problem details, fault switches, port options and the
 * process lifecycle from {@code main} to SIGTERM. Plain Java and Jackson, no Spring, so that a
 * simulator starts in a small heap from a plain class path.
 */
package dev.mercado.simulators.kit;
