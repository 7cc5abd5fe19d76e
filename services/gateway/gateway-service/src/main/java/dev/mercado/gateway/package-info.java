/**
 * The gateway: routes /api/v1/&lt;service&gt;/** to each service and composes the shop front's
 * pages under /api/v1/bff from several services; holds no business data.
 */
package dev.mercado.gateway;
