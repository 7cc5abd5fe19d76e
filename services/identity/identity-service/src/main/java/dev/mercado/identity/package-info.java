/**
 * The identity service: Mercado's OAuth 2 authorization server. It knows the registered clients,
 * the shop's customers and the keys that sign access tokens, each in its own database.
 */
package dev.mercado.identity;
