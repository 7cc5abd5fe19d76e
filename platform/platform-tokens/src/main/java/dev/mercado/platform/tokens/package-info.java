/**
 * Verified access tokens, remembered so that a token reused by its client is verified once (R5;
 * docs/adr/0011): shared by the gateway and by every service's token check.
 */
package dev.mercado.platform.tokens;
