/**
 * Identity's use cases and the authorization server's hooks into them: signing keys and their
 * rotation, the content of access tokens, customers' sign-in, the seeded client registrations, dev
 * tokens and API-key lookups.
 */
package dev.mercado.identity.application;
