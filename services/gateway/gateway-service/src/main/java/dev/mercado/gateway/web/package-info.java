/** How the gateway answers when it cannot route: RFC 9457 problem details, never a stack trace. */
package dev.mercado.gateway.web;
