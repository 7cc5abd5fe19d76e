/**
 * Identity's model in plain Java: customers and their roles, the keys that sign tokens and when
 * they are rotated, partners' API keys and client profiles, what a token says about its subject,
 * and the repository ports the persistence adapters implement.
 */
package dev.mercado.identity.domain;
