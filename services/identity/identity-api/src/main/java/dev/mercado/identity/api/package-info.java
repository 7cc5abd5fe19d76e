/**
 * Identity's published contract: the claims of its access tokens ({@link
 * dev.mercado.identity.api.IdentityClaims}), the scopes, roles and tiers they name, where its
 * endpoints are, how API keys are hashed, the payloads of its HTTP API, and the seeded demo
 * accounts. Consumers (the gateway, services checking tokens, tests) depend on this module, never
 * on identity-service (P3).
 */
package dev.mercado.identity.api;
