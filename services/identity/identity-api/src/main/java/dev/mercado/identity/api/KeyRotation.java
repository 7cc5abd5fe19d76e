package dev.mercado.identity.api;

import java.util.List;

/**
 * The answer of {@code POST} {@link IdentityEndpoints#ROTATE_KEYS}: the new signing key, the one it
 * replaced, and the keys the JWKS publishes now.
 *
 * @param activeKid the {@code kid} every new token is signed with
 * @param retiredKid the previous signing key's {@code kid}, still published until the tokens it
 *     signed have expired
 * @param publishedKids every {@code kid} in the JWKS: the active key first, then the retired ones,
 *     the most recently retired first
 */
public record KeyRotation(String activeKid, String retiredKid, List<String> publishedKids) {}
