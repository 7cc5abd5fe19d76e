package dev.mercado.identity.api;

/**
 * The answer of {@code GET} {@link IdentityEndpoints#API_KEYS}{@code /{sha256}}: the partner client
 * an API key belongs to and its tier. Unknown and revoked keys are answered with 404 problem
 * details instead.
 *
 * @param clientId the partner's OAuth client id, e.g. {@code partner-free}
 * @param tier the key's {@link Tier#claimValue()}, {@code free} or {@code premium}
 */
public record ApiKeyOwner(String clientId, String tier) {}
