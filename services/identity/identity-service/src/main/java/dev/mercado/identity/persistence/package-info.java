/**
 * JDBC adapters for identity's own database: customers, signing keys and API keys, and the
 * authorization server's own stores (registered clients, authorizations, consents).
 */
package dev.mercado.identity.persistence;
