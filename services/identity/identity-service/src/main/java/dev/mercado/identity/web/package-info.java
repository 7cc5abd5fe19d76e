/**
 * Identity over HTTP: the security filter chains (authorization server endpoints, customers' form
 * login, identity's own API as a resource server, dev tokens), the admin, API-key and dev-token
 * controllers, and problem details for refused requests.
 */
package dev.mercado.identity.web;
