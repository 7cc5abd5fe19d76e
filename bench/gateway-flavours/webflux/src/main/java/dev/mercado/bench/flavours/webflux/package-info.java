/**
 * Spring Cloud Gateway's WebFlux flavour (Reactor Netty in and out), reduced to what the flavour
 * comparison measures: one route to catalog behind a JWT check.
 */
package dev.mercado.bench.flavours.webflux;
