/**
 * A TCP proxy on loopback that the launcher places between a service and a dependency to inject
 * faults on demand (latency, jitter, bandwidth limit, connection reset, blackhole), each bounded in
 * time, switched through a small JSON admin API like the other simulators' fault switches.
 */
package dev.mercado.simulators.proxy;
