/**
 * The gateway's own answers and records: RFC 9457 problem details when it cannot route (never a
 * stack trace), one access-log line per request, and the Backend-for-Frontend pages it composes
 * from several services.
 */
package dev.mercado.gateway.web;
