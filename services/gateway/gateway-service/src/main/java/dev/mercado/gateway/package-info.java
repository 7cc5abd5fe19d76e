/** The gateway: routes /api/v1/&lt;service&gt;/** to each service; holds no business data. */
package dev.mercado.gateway;
