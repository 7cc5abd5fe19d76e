/**
 * Every servlet service checks identity's access tokens itself, so a request that bypasses the
 * gateway is still authenticated and authorized (R5, defence in depth; docs/adr/0009). A service
 * declares which caller may do what as {@link dev.mercado.platform.security.AccessRules} beans and
 * reads who is calling as a {@link dev.mercado.platform.security.Caller} controller argument;
 * {@link dev.mercado.platform.security.ServiceSecurityAutoConfiguration} wires the rest.
 */
package dev.mercado.platform.security;
