/**
 * The gateway's own answers and records: RFC 9457 problem details when it cannot route (never a
 * stack trace), and one access-log line per request.
 */
package dev.mercado.gateway.web;
